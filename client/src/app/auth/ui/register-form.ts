import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError, RegisterRequest } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

export type RegisterFormValue = Pick<RegisterRequest, 'email' | 'password' | 'displayName'>;

@Component({
  selector: 'tropa-register-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="register-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <mat-form-field>
        <mat-label>{{ 'auth.email' | t }}</mat-label>
        <input
          matInput
          type="email"
          formControlName="email"
          autocomplete="username"
          [readonly]="emailLocked()"
          data-testid="register-email"
        />
        @if (form.controls.email.hasError('server')) {
          <mat-error data-testid="error-email">{{ form.controls.email.getError('server') }}</mat-error>
        } @else if (form.controls.email.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'auth.displayName' | t }}</mat-label>
        <input matInput formControlName="displayName" autocomplete="name" data-testid="register-display-name" />
        @if (form.controls.displayName.hasError('server')) {
          <mat-error data-testid="error-displayName">{{ form.controls.displayName.getError('server') }}</mat-error>
        } @else if (form.controls.displayName.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'auth.password' | t }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="password"
          autocomplete="new-password"
          data-testid="register-password"
        />
        <mat-hint>{{ 'auth.passwordHint' | t }}</mat-hint>
        @if (form.controls.password.hasError('server')) {
          <mat-error data-testid="error-password">{{ form.controls.password.getError('server') }}</mat-error>
        } @else if (form.controls.password.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="register-submit">
          {{ 'auth.register' | t }}
        </button>
      </div>
    </form>
  `,
})
export class RegisterForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly email = input('');
  readonly emailLocked = input(false);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<RegisterFormValue>();

  protected readonly form = this.fb.group({
    email: ['', Validators.required],
    displayName: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => {
      const email = this.email();
      if (email) {
        this.form.controls.email.setValue(email);
      }
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const { email, displayName, password } = this.form.getRawValue();
    this.submitted.emit({ email: email.trim(), displayName: displayName.trim(), password });
  }
}
