import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { ChartPoint, QuestionChart as QuestionChartData } from '../model/summary-charts';

/**
 * One question's summary: bars per choice, a rating distribution, the NPS score with its
 * split, or stacked bars per matrix row. Series come computed; the counts are also listed
 * as text beside the chart.
 */
@Component({
  selector: 'tropa-question-chart',
  imports: [BarChartModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = chart();
    <article class="tropa-panel card" data-testid="summary-question" [attr.data-question]="c.name">
      <h3 data-testid="summary-question-title">{{ c.title }}</h3>
      <p class="tropa-muted">
        {{ 'summary.answered' | t: { count: c.answered } }}
        @if ((c.kind === 'rating' || c.kind === 'nps') && c.mean !== null) {
          · <span data-testid="summary-mean">{{ 'summary.mean' | t: { mean: mean(c.mean) } }}</span>
        }
      </p>
      @switch (c.kind) {
        @case ('open') {
          @if (c.latest.length > 0) {
            <h4 class="latest-title">{{ 'summary.latest' | t }}</h4>
            <ul class="latest" data-testid="summary-latest">
              @for (answer of c.latest; track $index) {
                <li data-testid="summary-latest-answer">{{ answer }}</li>
              }
            </ul>
          }
          <p class="tropa-muted">{{ 'summary.open' | t }}</p>
        }
        @case ('nps') {
          <div class="nps">
            <div class="score">
              <span class="tropa-muted">{{ 'summary.nps' | t }}</span>
              <strong data-testid="nps-score">{{ c.score }}</strong>
            </div>
            <ul class="groups" data-testid="nps-groups">
              @for (group of c.groups; track group.name) {
                <li data-testid="nps-group">{{ group.name }}: {{ group.value }}</li>
              }
            </ul>
          </div>
          <div class="chart" data-testid="summary-chart">
            <ngx-charts-bar-vertical [results]="c.series" [xAxis]="true" [yAxis]="true" [roundDomains]="true" [animations]="false" [scheme]="scheme" [yAxisTickFormatting]="wholeNumbers" />
          </div>
        }
        @case ('matrix') {
          <div class="chart" data-testid="summary-chart">
            <ngx-charts-bar-horizontal-stacked [results]="c.groups" [xAxis]="true" [yAxis]="true" [legend]="true" [animations]="false" [scheme]="scheme" [xAxisTickFormatting]="wholeNumbers" />
          </div>
          <table class="tropa-table counts">
            <tbody>
              @for (group of c.groups; track group.name) {
                <tr>
                  <th>{{ group.name }}</th>
                  <td>{{ listed(group.series) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @default {
          <div class="chart" data-testid="summary-chart">
            <ngx-charts-bar-vertical [results]="series()" [xAxis]="true" [yAxis]="true" [roundDomains]="true" [animations]="false" [scheme]="scheme" [yAxisTickFormatting]="wholeNumbers" />
          </div>
        }
      }
      @if (c.kind === 'choices' || c.kind === 'rating' || c.kind === 'nps') {
        <table class="tropa-table counts" data-testid="summary-counts">
          <thead>
            <tr>
              <th>{{ 'summary.value' | t }}</th>
              <th class="number">{{ 'summary.count' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (point of series(); track point.name) {
              <tr data-testid="summary-count-row">
                <td data-testid="summary-count-name">{{ point.name }}</td>
                <td class="number" data-testid="summary-count-value">{{ point.value }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </article>
  `,
  styles: `
    .card h3 {
      margin: 0 0 4px;
    }
    .chart {
      height: 240px;
      width: 100%;
    }
    .nps {
      display: flex;
      align-items: center;
      gap: 24px;
      flex-wrap: wrap;
      margin-bottom: 8px;
    }
    .score {
      display: flex;
      flex-direction: column;
      align-items: center;
    }
    .score strong {
      font-size: 2.5rem;
      line-height: 1.1;
      color: var(--mat-sys-primary);
    }
    .groups {
      margin: 0;
      padding-left: 16px;
    }
    .counts {
      margin-top: 8px;
      font-size: 0.9em;
    }
    .number {
      text-align: right;
    }
      .latest-title {
      margin: 8px 0 4px;
      font-size: 0.9em;
    }
    .latest {
      margin: 0 0 8px;
      padding-left: 18px;
    }
    .latest li {
      margin-bottom: 6px;
    }
  `,
})
export class QuestionChart {
  readonly chart = input.required<QuestionChartData>();

  protected readonly scheme = 'cool';
  protected readonly series = computed<ChartPoint[]>(() => {
    const chart = this.chart();
    return chart.kind === 'choices' || chart.kind === 'rating' || chart.kind === 'nps' ? chart.series : [];
  });

  /** Counts are whole: no "0.5" ticks on the count axis. */
  protected readonly wholeNumbers = (value: number): string => (Number.isInteger(value) ? String(value) : '');

  protected mean(value: number): string {
    return value.toFixed(1);
  }

  protected listed(points: ChartPoint[]): string {
    return points.map((point) => `${point.name}: ${point.value}`).join(' · ');
  }
}
