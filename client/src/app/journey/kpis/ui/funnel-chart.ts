import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { BarChartModule, ScaleType } from '@swimlane/ngx-charts';
import type { Color } from '@swimlane/ngx-charts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { formatNumber, formatPercent } from '../model/kpi-format';
import { funnelSeries } from '../model/funnel-view';
import type { FunnelRow, LargestDrop } from '../model/funnel-view';

const BAR = '#5c7cfa';
const DROP = '#e8590c';

/** Leads per stage as horizontal bars in funnel order, the conversion to the next stage under it, the largest drop highlighted. */
@Component({
  selector: 'tropa-funnel-chart',
  imports: [BarChartModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart" data-testid="funnel-chart" [attr.aria-label]="'kpis.funnel.title' | t" role="img">
      <ngx-charts-bar-horizontal
        [results]="series()"
        [xAxis]="true"
        [yAxis]="true"
        [animations]="false"
        [customColors]="colors()"
        [scheme]="scheme"
        [xAxisTickFormatting]="wholeNumbers"
      />
    </div>
    @if (drop(); as d) {
      <p class="drop" data-testid="largest-drop" [attr.data-stage-id]="d.stageId">
        {{ 'kpis.funnel.largestDrop' | t: { stage: d.stageName, next: d.nextName ?? '—', conversion: percent(d.conversion), lost: number(d.lost) } }}
      </p>
    } @else {
      <p class="tropa-muted" data-testid="largest-drop-none">{{ 'kpis.funnel.noDrop' | t }}</p>
    }
    <ol class="steps">
      @for (row of rows(); track row.stageId) {
        <li data-testid="funnel-step" [attr.data-stage-id]="row.stageId" [class.is-drop]="row.isLargestDrop">
          <strong>{{ row.name }}</strong>: {{ 'kpis.funnel.leads' | t: { leads: number(row.leads) } }}
          @if (row.nextName !== null) {
            → {{ 'kpis.funnel.toNext' | t: { conversion: percent(row.conversion), next: row.nextName } }}
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .chart {
      height: 280px;
      width: 100%;
    }
    .drop {
      font-weight: 500;
      color: #e8590c;
    }
    .steps {
      margin: 0;
      padding-left: 20px;
    }
    .steps li.is-drop {
      color: #e8590c;
      font-weight: 500;
    }
  `,
})
export class FunnelChart {
  private readonly i18n = inject(I18n);

  readonly rows = input.required<readonly FunnelRow[]>();
  readonly drop = input<LargestDrop | null>(null);

  protected readonly scheme: Color = { name: 'funnel', selectable: false, group: ScaleType.Ordinal, domain: [BAR] };
  protected readonly series = computed(() => funnelSeries(this.rows()));
  protected readonly colors = computed(() => {
    const drop = this.drop();
    return drop ? [{ name: drop.stageName, value: DROP }] : [];
  });

  protected readonly wholeNumbers = (value: number): string => (Number.isInteger(value) ? formatNumber(value, this.i18n.locale()) : '');

  protected number(value: number | null): string {
    return formatNumber(value, this.i18n.locale());
  }

  protected percent(value: number | null): string {
    return formatPercent(value, this.i18n.locale());
  }
}
