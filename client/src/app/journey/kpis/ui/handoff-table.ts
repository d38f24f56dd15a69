import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { formatNumber } from '../model/kpi-format';

export interface HandoffRow {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  customers: number;
  lost: number;
}

/** Channel hand-offs from the events: who moved from one touchpoint to another and how many were lost after. */
@Component({
  selector: 'tropa-handoff-table',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (handoffs().length === 0) {
      <p class="tropa-empty" data-testid="handoffs-empty">{{ 'kpis.handoffs.empty' | t }}</p>
    } @else {
      <div class="tropa-table-wrap">
        <table class="tropa-table" data-testid="handoff-table">
          <thead>
            <tr>
              <th>{{ 'kpis.handoffs.from' | t }}</th>
              <th>{{ 'kpis.handoffs.to' | t }}</th>
              <th class="number">{{ 'kpis.handoffs.customers' | t }}</th>
              <th class="number">{{ 'kpis.handoffs.lost' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (handoff of handoffs(); track handoff.from + '→' + handoff.to) {
              <tr data-testid="handoff-row">
                <td data-testid="handoff-from">{{ handoff.fromName }}</td>
                <td data-testid="handoff-to">{{ handoff.toName }}</td>
                <td class="number" data-testid="handoff-customers">{{ number(handoff.customers) }}</td>
                <td class="number" data-testid="handoff-lost">{{ number(handoff.lost) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .number {
      text-align: right;
    }
  `,
})
export class HandoffTable {
  private readonly i18n = inject(I18n);

  readonly handoffs = input.required<readonly HandoffRow[]>();

  protected number(value: number): string {
    return formatNumber(value, this.i18n.locale());
  }
}
