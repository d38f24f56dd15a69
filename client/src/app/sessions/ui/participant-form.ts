import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, CreateParticipantRequest, ParticipantResponse, PersonaResponse } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/**
 * A participant: pseudonym, persona, consent and contact. When the caller's role only sees a
 * masked contact, the field starts empty and is sent only when something is typed in it.
 */
@Component({
  selector: 'tropa-participant-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form-row" [formGroup]="form" (ngSubmit)="submit()" data-testid="participant-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'participants.pseudonym' | t }}</mat-label>
        <input matInput formControlName="pseudonym" maxlength="100" data-testid="participant-pseudonym" />
        @if (form.controls.pseudonym.hasError('server')) {
          <mat-error data-testid="participant-pseudonym-error">{{ form.controls.pseudonym.getError('server') }}</mat-error>
        } @else if (form.controls.pseudonym.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'participants.persona' | t }}</mat-label>
        <mat-select formControlName="personaId" data-testid="participant-persona">
          <mat-option value="">{{ 'participants.noPersona' | t }}</mat-option>
          @for (persona of personas(); track persona.id) {
            <mat-option [value]="persona.id">{{ persona.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'participants.contact' | t }}</mat-label>
        <input matInput formControlName="contact" [maxlength]="limits.shortText" data-testid="participant-contact" />
        <mat-hint>{{ (contactVisible() ? 'participants.contactHint' : 'participants.contactHidden') | t }}</mat-hint>
        @if (form.controls.contact.hasError('server')) {
          <mat-error>{{ form.controls.contact.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-checkbox formControlName="consent" data-testid="participant-consent">{{ 'participants.consentGiven' | t }}</mat-checkbox>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="participant-submit">{{ 'common.save' | t }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class ParticipantForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly participant = input<ParticipantResponse | null>(null);
  readonly personas = input<PersonaResponse[]>([]);
  /** False when the server masks contacts for the caller's role. */
  readonly contactVisible = input(true);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateParticipantRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly form = this.fb.group({
    pseudonym: ['', Validators.required],
    personaId: [''],
    contact: [''],
    consent: [false],
  });
  protected readonly formMessage = signal<string | null>(null);

  constructor() {
    effect(() => {
      const participant = this.participant();
      if (participant) {
        this.form.setValue({
          pseudonym: participant.pseudonym,
          personaId: participant.personaId ?? '',
          contact: this.contactVisible() ? (participant.contact ?? '') : '',
          consent: participant.consent,
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
    const contact = value.contact.trim();
    const request: CreateParticipantRequest = {
      pseudonym: value.pseudonym.trim(),
      personaId: value.personaId || null,
      consent: value.consent,
    };
    if (this.contactVisible() || contact) {
      request.contact = contact || null;
    }
    this.submitted.emit(request);
  }
}
