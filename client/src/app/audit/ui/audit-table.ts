import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AuditEntryResponse } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { privacyAuditSummary } from '../../privacy/model/audit-summary';

@Component({
  selector: 'tropa-audit-table',
  imports: [TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="audit-table">
        <thead>
          <tr>
            <th>{{ 'audit.when' | t }}</th>
            <th>{{ 'audit.action' | t }}</th>
            <th>{{ 'audit.actor' | t }}</th>
            <th>{{ 'audit.target' | t }}</th>
            <th>{{ 'audit.details' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of entries(); track entry.id) {
            <tr data-testid="audit-row">
              <td class="nowrap">{{ entry.createdAt | localDate: true }}</td>
              <td>{{ labels.audit(entry.action) | t }}</td>
              <td>{{ entry.actorEmail ?? '—' }}</td>
              <td>{{ entry.target ?? '—' }}</td>
              @if (privacySummary(entry); as summary) {
                <td data-testid="audit-row-summary">{{ summary.key | t: summary.params }}</td>
              } @else {
                <td class="details">{{ detailsText(entry) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
    .details {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.85em;
      word-break: break-word;
    }
  `,
})
export class AuditTable {
  readonly entries = input.required<AuditEntryResponse[]>();

  protected readonly labels = labelKeys;
  protected readonly privacySummary = privacyAuditSummary;

  protected detailsText(entry: AuditEntryResponse): string {
    const keys = Object.keys(entry.details);
    return keys.length === 0 ? '' : JSON.stringify(entry.details);
  }
}
