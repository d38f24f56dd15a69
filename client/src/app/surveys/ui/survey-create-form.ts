import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, CreateSurveyRequest, Locale } from '@tropa/contracts';
import { LOCALES, TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** A new survey: title, description and the language respondents see it in. */
@Component({
  selector: 'tropa-survey-create-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="survey-create-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'surveys.name' | t }}</mat-label>
        <input matInput formControlName="title" [maxlength]="limits.name" data-testid="survey-title" />
        @if (form.controls.title.hasError('server')) {
          <mat-error>{{ form.controls.title.getError('server') }}</mat-error>
        } @else if (form.controls.title.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'surveys.description' | t }}</mat-label>
        <textarea matInput formControlName="description" rows="2" [maxlength]="limits.description" data-testid="survey-description"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'surveys.language' | t }}</mat-label>
        <mat-select formControlName="language" data-testid="survey-language">
          @for (locale of locales; track locale) {
            <mat-option [value]="locale">{{ labels.language(locale) | t }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'surveys.languageHint' | t }}</mat-hint>
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="survey-create-submit">{{ 'surveys.create' | t }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class SurveyCreateForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly language = input<Locale>('ru');
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateSurveyRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly labels = labelKeys;
  protected readonly locales = LOCALES;
  protected readonly form = this.fb.group({
    title: ['', Validators.required],
    description: [''],
    language: ['ru' as Locale],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => this.form.controls.language.setValue(this.language()));
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.submitted.emit({ title: value.title.trim(), description: value.description.trim(), language: value.language });
  }
}
