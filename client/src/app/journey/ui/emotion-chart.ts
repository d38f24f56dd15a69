import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { EmotionChartSeries, EmotionExtra, EmotionTable } from '../model/emotion-series';
import { formatScore } from '../model/journey-grid';

/**
 * The emotion curve: mean emotion per stage with its 95 % band, one line per series
 * (everyone, or each persona when comparing). The tooltip and the table beneath give n
 * and where each point comes from (tags, survey answers, inferred sentiment).
 */
@Component({
  selector: 'tropa-emotion-chart',
  imports: [LineChartModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tropa-panel" data-testid="emotion-chart">
      <h3>{{ 'journey.emotion.title' | t }}</h3>
      @if (hasPoints()) {
        <div class="chart">
          <ngx-charts-line-chart
            [results]="series()"
            [xAxis]="true"
            [yAxis]="true"
            [legend]="series().length > 1"
            [legendPosition]="legendRight"
            [legendTitle]="'journey.emotion.series' | t"
            [showYAxisLabel]="true"
            [yAxisLabel]="'journey.emotion.axis' | t"
            [yScaleMin]="-2"
            [yScaleMax]="2"
            [xScaleMin]="1"
            [xScaleMax]="stageNames().length"
            [xAxisTicks]="ticks()"
            [xAxisTickFormatting]="stageLabel"
            [yAxisTicks]="[-2, -1, 0, 1, 2]"
            [rangeFillOpacity]="0.18"
            [animations]="false"
            [scheme]="scheme"
          >
            <ng-template #tooltipTemplate let-model="model">
              <div class="tip">
                <strong>{{ model.series }} · {{ asExtra(model.extra).stageName }}</strong>
                <div>{{ 'journey.emotion.mean' | t: { mean: score(model.value) } }}</div>
                @if (asExtra(model.extra).low !== null && asExtra(model.extra).high !== null) {
                  <div>{{ 'journey.emotion.interval' | t: { low: score(asExtra(model.extra).low ?? 0), high: score(asExtra(model.extra).high ?? 0) } }}</div>
                }
                <div>{{ 'journey.emotion.n' | t: { n: asExtra(model.extra).n } }}</div>
                <div>{{ 'journey.emotion.sources' | t: sourceParams(asExtra(model.extra)) }}</div>
              </div>
            </ng-template>
          </ngx-charts-line-chart>
        </div>
      } @else {
        <p class="tropa-muted" data-testid="emotion-empty">{{ 'journey.emotion.empty' | t }}</p>
      }
      @if (table().rows.length > 0) {
        <div class="table-scroll">
          <table class="tropa-table points">
            <thead>
              <tr>
                <th scope="col">{{ 'journey.emotion.series' | t }}</th>
                @for (stage of table().stages; track stage.id) {
                  <th scope="col">{{ stage.name }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of table().rows; track row.personaId) {
                <tr data-testid="emotion-series-row">
                  <th scope="row">{{ row.series }}</th>
                  @for (cell of row.cells; track $index) {
                    <td data-testid="emotion-point" [attr.data-stage-id]="table().stages[$index].id">
                      @if (cell) {
                        @if (cell.mean !== null) {
                          <strong data-testid="emotion-point-mean">{{ score(cell.mean) }}</strong>
                          @if (cell.low !== null && cell.high !== null) {
                            <span class="interval">[{{ score(cell.low) }}; {{ score(cell.high) }}]</span>
                          }
                        } @else {
                          <span class="tropa-muted">{{ 'journey.emotion.noData' | t }}</span>
                        }
                        <div class="tropa-muted">{{ 'journey.emotion.n' | t: { n: cell.n } }}</div>
                        <div class="tropa-muted" data-testid="emotion-point-sources">{{ 'journey.emotion.sources' | t: sourceParams(cell) }}</div>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    h3 {
      margin: 0 0 8px;
    }
    .chart {
      height: 260px;
      width: 100%;
    }
    /* ngx-charts draws lines at 1.5px: too faint for the map's main curve. */
    .chart ::ng-deep path.line {
      stroke-width: 3px;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    /* A series with one point (a persona heard at one stage only) is the path "Mx,yZ": drawn as a dot, not left out. */
    .chart ::ng-deep path.line[d$='Z'] {
      stroke-width: 10px;
    }
    .tip {
      padding: 6px 4px;
      text-align: left;
      line-height: 1.4;
    }
    .table-scroll {
      overflow-x: auto;
      margin-top: 8px;
    }
    .points {
      font-size: 0.8em;
    }
    .points td {
      vertical-align: top;
      white-space: nowrap;
    }
    .interval {
      margin-left: 4px;
    }
  `,
})
export class EmotionChart {
  readonly series = input.required<EmotionChartSeries[]>();
  readonly table = input.required<EmotionTable>();
  /** Stage names in journey order: the x axis. */
  readonly stageNames = input.required<string[]>();

  protected readonly scheme = 'cool';
  protected readonly legendRight = LegendPosition.Right;
  protected readonly hasPoints = computed(() => this.series().some((line) => line.series.length > 0));
  protected readonly ticks = computed(() => this.stageNames().map((_, index) => index + 1));
  /** x is the 1-based stage position; ticks show the stage's name. */
  protected readonly stageLabel = (value: number): string => (Number.isInteger(value) ? (this.stageNames()[value - 1] ?? '') : '');

  protected score(value: number): string {
    return formatScore(value);
  }

  protected sourceParams(point: Pick<EmotionExtra, 'sources'>): Record<string, number> {
    return { tags: point.sources.tags, survey: point.sources.survey, inferred: point.sources.inferred };
  }

  protected asExtra(extra: unknown): EmotionExtra {
    return extra as EmotionExtra;
  }
}
