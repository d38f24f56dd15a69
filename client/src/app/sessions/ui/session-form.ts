import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, CreateSessionRequest, MemberResponse, SessionKind, SessionResponse } from '@tropa/contracts';
import { SESSION_KINDS, TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** A session's kind, title, date, moderator (a project member) and notes: new or edited. */
@Component({
  selector: 'tropa-session-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="session-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'sessions.kind' | t }}</mat-label>
        <mat-select formControlName="kind" data-testid="session-kind">
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ labels.sessionKind(kind) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'sessions.name' | t }}</mat-label>
        <input matInput formControlName="title" [maxlength]="limits.name" data-testid="session-title" />
        @if (form.controls.title.hasError('server')) {
          <mat-error>{{ form.controls.title.getError('server') }}</mat-error>
        } @else if (form.controls.title.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'sessions.heldOn' | t }}</mat-label>
        <input matInput type="date" formControlName="heldOn" data-testid="session-held-on" />
        @if (form.controls.heldOn.hasError('server')) {
          <mat-error>{{ form.controls.heldOn.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'sessions.moderator' | t }}</mat-label>
        <mat-select formControlName="moderatorId" data-testid="session-moderator">
          <mat-option value="">{{ 'sessions.noModerator' | t }}</mat-option>
          @for (member of members(); track member.userId) {
            <mat-option [value]="member.userId">{{ member.displayName }} ({{ member.email }})</mat-option>
          }
        </mat-select>
        @if (form.controls.moderatorId.hasError('server')) {
          <mat-error>{{ form.controls.moderatorId.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'sessions.notes' | t }}</mat-label>
        <textarea matInput formControlName="notes" rows="3" [maxlength]="limits.description" data-testid="session-notes"></textarea>
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="session-submit">
          {{ (session() ? 'common.save' : 'sessions.create') | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class SessionForm {
  private readonly fb = inject(NonNullableFormBuilder);

  /** The session to edit; none for a new one. */
  readonly session = input<SessionResponse | null>(null);
  readonly members = input<MemberResponse[]>([]);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateSessionRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly labels = labelKeys;
  protected readonly kinds = SESSION_KINDS;
  protected readonly form = this.fb.group({
    kind: ['interview' as SessionKind],
    title: ['', Validators.required],
    heldOn: [''],
    moderatorId: [''],
    notes: [''],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => {
      const session = this.session();
      if (session) {
        this.form.setValue({
          kind: session.kind,
          title: session.title,
          heldOn: session.heldOn ?? '',
          moderatorId: session.moderatorId ?? '',
          notes: session.notes,
        });
      }
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.submitted.emit({
      kind: value.kind,
      title: value.title.trim(),
      heldOn: value.heldOn || null,
      moderatorId: value.moderatorId || null,
      notes: value.notes.trim(),
    });
  }
}
