import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MemberResponse, SessionResponse } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-session-table',
  imports: [RouterLink, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="session-table">
        <thead>
          <tr>
            <th>{{ 'sessions.name' | t }}</th>
            <th>{{ 'sessions.kind' | t }}</th>
            <th>{{ 'sessions.heldOn' | t }}</th>
            <th>{{ 'sessions.moderator' | t }}</th>
            <th class="number">{{ 'sessions.participants' | t }}</th>
            <th class="number">{{ 'sessions.utterances' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (session of sessions(); track session.id) {
            <tr data-testid="session-row">
              <td>
                <a [routerLink]="[session.id]" class="title" data-testid="session-row-title">{{ session.title }}</a>
              </td>
              <td>
                <span class="tropa-chip" data-testid="session-row-kind">{{ labels.sessionKind(session.kind) | t }}</span>
              </td>
              <td>{{ session.heldOn | localDate }}</td>
              <td>{{ moderatorName(session.moderatorId) }}</td>
              <td class="number" data-testid="session-row-participants">{{ session.participantCount }}</td>
              <td class="number" data-testid="session-row-utterances">{{ session.utteranceCount }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .title {
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .number {
      text-align: right;
    }
  `,
})
export class SessionTable {
  readonly sessions = input.required<SessionResponse[]>();
  readonly members = input<MemberResponse[]>([]);

  protected readonly labels = labelKeys;

  protected moderatorName(moderatorId: string | null): string {
    return this.members().find((member) => member.userId === moderatorId)?.displayName ?? '';
  }
}
