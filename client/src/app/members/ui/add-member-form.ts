import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { AddMemberRequest, ApiError, ProjectRole } from '@tropa/contracts';
import { PROJECT_ROLES, TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** Add a person by email with a role: invitation link by default, or an account with a password. */
@Component({
  selector: 'tropa-add-member-form',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    MatButtonModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="add-member-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'auth.email' | t }}</mat-label>
          <input matInput type="email" formControlName="email" [maxlength]="limits.email" data-testid="member-email" />
          @if (form.controls.email.hasError('server')) {
            <mat-error data-testid="error-email">{{ form.controls.email.getError('server') }}</mat-error>
          } @else if (form.controls.email.hasError('required')) {
            <mat-error>{{ 'validation.required' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'members.role' | t }}</mat-label>
          <mat-select formControlName="role" data-testid="member-role">
            @for (role of roles; track role) {
              <mat-option [value]="role" [attr.data-testid]="'role-option-' + role">{{ labels.role(role) | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.role.hasError('server')) {
            <mat-error>{{ form.controls.role.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-checkbox formControlName="withPassword" data-testid="member-with-password">
        {{ 'members.withPassword' | t }}
      </mat-checkbox>
      @if (withPassword()) {
        <div class="tropa-form-row spaced">
          <mat-form-field>
            <mat-label>{{ 'auth.displayName' | t }}</mat-label>
            <input matInput formControlName="displayName" [maxlength]="limits.name" data-testid="member-display-name" />
            @if (form.controls.displayName.hasError('server')) {
              <mat-error>{{ form.controls.displayName.getError('server') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'members.initialPassword' | t }}</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="member-password" />
            @if (form.controls.password.hasError('server')) {
              <mat-error data-testid="error-password">{{ form.controls.password.getError('server') }}</mat-error>
            } @else if (form.controls.password.hasError('required')) {
              <mat-error>{{ 'validation.required' | t }}</mat-error>
            }
          </mat-form-field>
        </div>
      } @else {
        <p class="tropa-muted">{{ 'members.inviteHint' | t }}</p>
      }
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="member-add">
          {{ (withPassword() ? 'members.createAccount' : 'members.invite') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .spaced {
      margin-top: 12px;
    }
    .tropa-form {
      max-width: none;
    }
  `,
})
export class AddMemberForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  /** Increment to clear the form after a successful add. */
  readonly resetToken = input(0);
  readonly submitted = output<AddMemberRequest>();

  protected readonly limits = TEXT_LIMITS;
  protected readonly labels = labelKeys;
  protected readonly roles = PROJECT_ROLES;
  protected readonly form = this.fb.group({
    email: ['', Validators.required],
    role: ['researcher' as ProjectRole, Validators.required],
    withPassword: [false],
    displayName: [''],
    password: [''],
  });
  protected readonly formMessage = signal<string | null>(null);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly withPassword = toSignal(this.form.controls.withPassword.valueChanges, { initialValue: false });

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
    const value = this.form.getRawValue();
    if (this.form.invalid || (value.withPassword && !value.password)) {
      if (value.withPassword && !value.password) {
        this.form.controls.password.setErrors({ required: true });
      }
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    this.submitted.emit({
      email: value.email.trim(),
      role: value.role,
      ...(value.withPassword
        ? { password: value.password, ...(value.displayName.trim() ? { displayName: value.displayName.trim() } : {}) }
        : {}),
    });
  }
}
