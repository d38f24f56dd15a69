import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { InvitationResponse } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-invitation-table',
  imports: [MatButtonModule, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="invitation-table">
        <thead>
          <tr>
            <th>{{ 'auth.email' | t }}</th>
            <th>{{ 'members.role' | t }}</th>
            <th>{{ 'members.invitedAt' | t }}</th>
            <th>{{ 'members.expires' | t }}</th>
            <th><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (invitation of invitations(); track invitation.id) {
            <tr data-testid="invitation-row">
              <td>{{ invitation.email }}</td>
              <td>{{ labels.role(invitation.role) | t }}</td>
              <td>{{ invitation.createdAt | localDate }}</td>
              <td>{{ invitation.expiresAt | localDate }}</td>
              <td class="actions">
                <button mat-button type="button" class="delete" (click)="revoked.emit(invitation)" data-testid="invitation-revoke">
                  {{ 'members.revoke' | t }}
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .actions {
      text-align: right;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class InvitationTable {
  readonly invitations = input.required<InvitationResponse[]>();
  readonly revoked = output<InvitationResponse>();

  protected readonly labels = labelKeys;
}
