import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormArray, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { FormControl, FormGroup } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError, CreatePersonaRequest, PersonaResponse } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

type AttributeGroup = FormGroup<{ key: FormControl<string>; value: FormControl<string> }>;

/** Create or edit a persona: name, description, a list of goals and key/value attributes. */
@Component({
  selector: 'tropa-persona-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="persona-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <mat-form-field>
        <mat-label>{{ 'personas.name' | t }}</mat-label>
        <input matInput formControlName="name" [maxlength]="limits.name" data-testid="persona-name" />
        @if (form.controls.name.hasError('server')) {
          <mat-error data-testid="error-name">{{ form.controls.name.getError('server') }}</mat-error>
        } @else if (form.controls.name.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'personas.description' | t }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="3"
          [maxlength]="limits.description"
          data-testid="persona-description"
        ></textarea>
        @if (form.controls.description.hasError('server')) {
          <mat-error>{{ form.controls.description.getError('server') }}</mat-error>
        }
      </mat-form-field>

      <fieldset>
        <legend>{{ 'personas.goals' | t }}</legend>
        @for (goal of form.controls.goals.controls; track goal; let index = $index) {
          <div class="row">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'personas.goal' | t: { n: index + 1 } }}</mat-label>
              <input matInput [formControl]="goal" [maxlength]="limits.shortText" data-testid="persona-goal" />
            </mat-form-field>
            <button mat-button type="button" (click)="removeGoal(index)">{{ 'common.remove' | t }}</button>
          </div>
        }
        @if (form.controls.goals.hasError('server')) {
          <p class="tropa-form-error">{{ form.controls.goals.getError('server') }}</p>
        }
        <button mat-stroked-button type="button" (click)="addGoal()" data-testid="persona-add-goal">
          {{ 'personas.addGoal' | t }}
        </button>
      </fieldset>

      <fieldset>
        <legend>{{ 'personas.attributes' | t }}</legend>
        @for (attribute of form.controls.attributes.controls; track attribute; let index = $index) {
          <div class="row" [formGroup]="attribute">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'personas.attributeKey' | t }}</mat-label>
              <input matInput formControlName="key" [maxlength]="limits.name" data-testid="persona-attribute-key" />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'personas.attributeValue' | t }}</mat-label>
              <input matInput formControlName="value" [maxlength]="limits.shortText" data-testid="persona-attribute-value" />
            </mat-form-field>
            <button mat-button type="button" (click)="removeAttribute(index)">{{ 'common.remove' | t }}</button>
          </div>
        }
        @if (form.controls.attributes.hasError('server')) {
          <p class="tropa-form-error">{{ form.controls.attributes.getError('server') }}</p>
        }
        <button mat-stroked-button type="button" (click)="addAttribute()" data-testid="persona-add-attribute">
          {{ 'personas.addAttribute' | t }}
        </button>
      </fieldset>

      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="persona-save">
          {{ 'common.save' | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
    }
    legend {
      font-weight: 500;
      margin-bottom: 8px;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .row mat-form-field {
      flex: 1 1 auto;
    }
  `,
})
export class PersonaForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly persona = input<PersonaResponse | null>(null);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreatePersonaRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    description: [''],
    goals: new FormArray<FormControl<string>>([]),
    attributes: new FormArray<AttributeGroup>([]),
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => {
      const persona = this.persona();
      this.form.controls.goals.clear();
      this.form.controls.attributes.clear();
      this.form.patchValue({ name: persona?.name ?? '', description: persona?.description ?? '' });
      for (const goal of persona?.goals ?? []) {
        this.addGoal(goal);
      }
      for (const [key, value] of Object.entries(persona?.attributes ?? {})) {
        this.addAttribute(key, value);
      }
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected addGoal(goal = ''): void {
    this.form.controls.goals.push(this.fb.control(goal));
  }

  protected removeGoal(index: number): void {
    this.form.controls.goals.removeAt(index);
  }

  protected addAttribute(key = '', value = ''): void {
    this.form.controls.attributes.push(this.fb.group({ key: [key], value: [value] }));
  }

  protected removeAttribute(index: number): void {
    this.form.controls.attributes.removeAt(index);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    const attributes: Record<string, string> = {};
    for (const { key, value: attributeValue } of value.attributes) {
      if (key.trim()) {
        attributes[key.trim()] = attributeValue.trim();
      }
    }
    this.submitted.emit({
      name: value.name.trim(),
      description: value.description.trim(),
      goals: value.goals.map((goal) => goal.trim()).filter((goal) => goal.length > 0),
      attributes,
    });
  }
}
