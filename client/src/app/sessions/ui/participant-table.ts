import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ParticipantResponse, PersonaResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-participant-table',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="participant-table">
        <thead>
          <tr>
            <th>{{ 'participants.pseudonym' | t }}</th>
            <th>{{ 'participants.persona' | t }}</th>
            <th>{{ 'participants.consent' | t }}</th>
            <th>{{ 'participants.contact' | t }}</th>
            @if (editable() || erasable()) {
              <th>{{ 'common.actions' | t }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (participant of participants(); track participant.id) {
            <tr data-testid="participant-row" [class.erased]="participant.erasedAt">
              <td data-testid="participant-row-pseudonym">
                {{ participant.pseudonym }}
                @if (participant.erasedAt) {
                  <span class="tropa-muted" data-testid="participant-erased">({{ 'privacy.erased' | t }})</span>
                }
              </td>
              <td>{{ personaName(participant.personaId) }}</td>
              <td data-testid="participant-row-consent">{{ participant.consent ? '✓' : '—' }}</td>
              <td data-testid="participant-row-contact">{{ participant.contact ?? '' }}</td>
              @if (editable() || erasable()) {
                <td class="actions">
                  @if (editable()) {
                    <button mat-button type="button" (click)="edit.emit(participant)" data-testid="participant-edit">{{ 'common.edit' | t }}</button>
                    <button mat-button type="button" (click)="remove.emit(participant)" data-testid="participant-delete">{{ 'common.delete' | t }}</button>
                  }
                  @if (erasable() && !participant.erasedAt) {
                    <button mat-button type="button" class="erase" (click)="erase.emit(participant)" data-testid="participant-erase">
                      {{ 'privacy.participant.erase' | t }}
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      white-space: nowrap;
    }
    .erase {
      color: var(--mat-sys-error);
    }
  `,
})
export class ParticipantTable {
  readonly participants = input.required<ParticipantResponse[]>();
  readonly personas = input<PersonaResponse[]>([]);
  readonly editable = input(false);
  readonly edit = output<ParticipantResponse>();
  readonly remove = output<ParticipantResponse>();
  /** Owners and researchers may erase a participant's words, quotes and contact. */
  readonly erasable = input(false);
  readonly erase = output<ParticipantResponse>();

  protected personaName(personaId: string | null): string {
    return this.personas().find((persona) => persona.id === personaId)?.name ?? '';
  }
}
