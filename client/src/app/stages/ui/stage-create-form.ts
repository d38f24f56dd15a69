import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError, CreateStageRequest } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-stage-create-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" data-testid="stage-create-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'stages.newName' | t }}</mat-label>
          <input matInput formControlName="name" [maxlength]="limits.name" data-testid="stage-new-name" />
          @if (form.controls.name.hasError('server')) {
            <mat-error data-testid="error-name">{{ form.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'stages.description' | t }}</mat-label>
          <input matInput formControlName="description" [maxlength]="limits.description" data-testid="stage-new-description" />
          @if (form.controls.description.hasError('server')) {
            <mat-error>{{ form.controls.description.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" class="add" [disabled]="saving()" data-testid="stage-add">
          {{ 'stages.add' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .add {
      margin-top: 10px;
    }
  `,
})
export class StageCreateForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  /** Increment to clear the form after a successful save. */
  readonly resetToken = input(0);
  readonly submitted = output<CreateStageRequest>();

  protected readonly limits = TEXT_LIMITS;
  protected readonly form = this.fb.group({ name: ['', Validators.required], description: [''] });
  protected readonly formMessage = signal<string | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
    effect(() => {
      if (this.resetToken() > 0) {
        // Through the directive, so the form also forgets it was submitted (no "Required" errors).
        this.formDirective().resetForm();
      }
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const { name, description } = this.form.getRawValue();
    this.submitted.emit({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
  }
}
