import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { FunnelStage } from '@tropa/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { MessageKey } from '../../../core/i18n/messages.en';
import { formatNumber, formatPercent } from '../model/kpi-format';
import type { FunnelRow } from '../model/funnel-view';

/** L, C, P and Q of every stage with where the numbers come from. */
@Component({
  selector: 'tropa-kpi-table',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="kpi-table">
        <thead>
          <tr>
            <th>{{ 'kpis.table.stage' | t }}</th>
            <th class="number" [title]="'kpis.kpi.L' | t">L</th>
            <th class="number" [title]="'kpis.kpi.C' | t">C</th>
            <th class="number" [title]="'kpis.kpi.P' | t">P</th>
            <th class="number" [title]="'kpis.kpi.Q' | t">Q</th>
            <th>{{ 'kpis.table.source' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.stageId) {
            <tr data-testid="kpi-row" [attr.data-stage-id]="row.stageId" [class.is-drop]="row.isLargestDrop">
              <td data-testid="kpi-stage">{{ row.name }}</td>
              <td class="number" data-testid="kpi-leads">{{ number(row.leads) }}</td>
              <td class="number" data-testid="kpi-conversion">{{ percent(row.conversion) }}</td>
              <td class="number" data-testid="kpi-check">{{ number(row.averageCheck, 2) }}</td>
              <td class="number" data-testid="kpi-frequency">{{ number(row.purchasesPerCustomer, 2) }}</td>
              <td data-testid="kpi-source">{{ sourceKey(row.source) | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .number {
      text-align: right;
    }
    tr.is-drop td {
      background: color-mix(in srgb, #e8590c 10%, transparent);
    }
  `,
})
export class KpiTable {
  private readonly i18n = inject(I18n);

  readonly rows = input.required<readonly FunnelRow[]>();

  protected number(value: number | null, digits = 0): string {
    return formatNumber(value, this.i18n.locale(), digits);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, this.i18n.locale());
  }

  protected sourceKey(source: FunnelStage['source']): MessageKey {
    return source ? `kpis.source.${source}` : 'kpis.source.none';
  }
}
