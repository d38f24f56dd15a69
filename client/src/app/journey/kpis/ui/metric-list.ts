import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { JourneyMapResponse, StageMetricResponse } from '@tropa/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { formatNumber } from '../model/kpi-format';

/** The stage metrics on record, newest periods as the server sorts them, with delete for editors. */
@Component({
  selector: 'tropa-metric-list',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="metric-list">
        <thead>
          <tr>
            <th>{{ 'kpis.metric.stage' | t }}</th>
            <th>{{ 'kpis.metric.period' | t }}</th>
            <th>{{ 'kpis.metric.kpi' | t }}</th>
            <th class="number">{{ 'kpis.metric.value' | t }}</th>
            <th>{{ 'kpis.table.source' | t }}</th>
            @if (editable()) {
              <th></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (metric of metrics(); track metric.id) {
            <tr data-testid="metric-row" [attr.data-metric-id]="metric.id">
              <td>{{ stageNames().get(metric.stageId) ?? '—' }}</td>
              <td>{{ metric.periodStart }}</td>
              <td data-testid="metric-row-kpi">{{ metric.kpi }}</td>
              <td class="number" data-testid="metric-row-value">{{ number(metric.value) }}</td>
              <td>{{ sourceKey(metric.source) | t }}</td>
              @if (editable()) {
                <td>
                  <button mat-button type="button" (click)="remove.emit(metric)" data-testid="metric-delete">{{ 'common.delete' | t }}</button>
                </td>
              }
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
  `,
})
export class MetricList {
  private readonly i18n = inject(I18n);

  readonly metrics = input.required<readonly StageMetricResponse[]>();
  readonly stages = input.required<JourneyMapResponse['stages']>();
  readonly editable = input(false);
  readonly remove = output<StageMetricResponse>();

  protected readonly stageNames = computed(() => new Map(this.stages().map((stage) => [stage.id, stage.name])));

  protected sourceKey(source: StageMetricResponse['source']): `kpis.source.${StageMetricResponse['source']}` {
    return `kpis.source.${source}`;
  }

  protected number(value: number): string {
    return formatNumber(value, this.i18n.locale(), 4);
  }
}
