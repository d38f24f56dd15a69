import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError, LoginRequest } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-login-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="login-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <mat-form-field>
        <mat-label>{{ 'auth.email' | t }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="username" data-testid="login-email" />
        @if (form.controls.email.hasError('server')) {
          <mat-error data-testid="error-email">{{ form.controls.email.getError('server') }}</mat-error>
        } @else if (form.controls.email.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'auth.password' | t }}</mat-label>
        <input
          matInput
          type="password"
          formControlName="password"
          autocomplete="current-password"
          data-testid="login-password"
        />
        @if (form.controls.password.hasError('server')) {
          <mat-error data-testid="error-password">{{ form.controls.password.getError('server') }}</mat-error>
        } @else if (form.controls.password.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="login-submit">
          {{ 'auth.login' | t }}
        </button>
      </div>
    </form>
  `,
})
export class LoginForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<LoginRequest>();

  protected readonly form = this.fb.group({
    email: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    this.submitted.emit({ email: this.form.controls.email.value.trim(), password: this.form.controls.password.value });
  }
}
