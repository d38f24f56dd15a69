import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { JourneyLane, Kpi } from '@tropa/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { MessageKey } from '../../../core/i18n/messages.en';
import type { DiffStageGroup, KpiDelta, ValueDelta } from '../model/map-diff';

function signed(value: number | null, locale: string, digits: number): string {
  if (value === null) return '—';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function isShare(kpi: Kpi | 'conversion'): boolean {
  return kpi === 'C' || kpi === 'conversion';
}

/** What changed between two states of the map: findings by stage and lane, emotion and KPI deltas. */
@Component({
  selector: 'tropa-diff-view',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (groups().length === 0 && emotion().length === 0 && kpis().length === 0) {
      <p class="tropa-empty" data-testid="diff-empty">{{ 'versions.diff.none' | t }}</p>
    }
    @for (stage of groups(); track stage.stageId) {
      <section class="stage" data-testid="diff-stage" [attr.data-stage-id]="stage.stageId">
        <h4>{{ stage.stageName }}</h4>
        @for (lane of stage.lanes; track lane.lane) {
          <div class="lane">
            <h5>{{ laneKey(lane.lane) | t }}</h5>
            <ul>
              @for (item of lane.added; track item.key) {
                <li class="added" data-testid="diff-added" [attr.data-key]="item.key">
                  <span class="mark">{{ 'versions.diff.added' | t }}</span><span data-testid="diff-text">{{ item.text }}</span>
                </li>
              }
              @for (item of lane.removed; track item.key) {
                <li class="removed" data-testid="diff-removed" [attr.data-key]="item.key">
                  <span class="mark">{{ 'versions.diff.removed' | t }}</span><s data-testid="diff-text">{{ item.text }}</s>
                </li>
              }
              @for (item of lane.changed; track item.key) {
                <li class="changed" data-testid="diff-changed" [attr.data-key]="item.key">
                  <span class="mark">{{ 'versions.diff.changed' | t }}</span>
                  <span data-testid="diff-before">{{ item.before }}</span> → <span data-testid="diff-after">{{ item.after }}</span>
                </li>
              }
            </ul>
          </div>
        }
      </section>
    }
    @if (emotion().length > 0) {
      <h4>{{ 'versions.diff.emotion' | t }}</h4>
      <table class="tropa-table">
        <thead>
          <tr>
            <th>{{ 'versions.diff.stage' | t }}</th>
            <th class="number">{{ 'versions.diff.before' | t }}</th>
            <th class="number">{{ 'versions.diff.after' | t }}</th>
            <th class="number">{{ 'versions.diff.delta' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of emotion(); track row.stageId) {
            <tr data-testid="diff-emotion" [attr.data-stage-id]="row.stageId">
              <td>{{ row.stageName }}</td>
              <td class="number">{{ number(row.before, 2) }}</td>
              <td class="number">{{ number(row.after, 2) }}</td>
              <td class="number" data-testid="diff-emotion-delta">{{ change(row.delta, 2) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
    @if (kpis().length > 0) {
      <h4>{{ 'versions.diff.kpis' | t }}</h4>
      <table class="tropa-table">
        <thead>
          <tr>
            <th>{{ 'versions.diff.stage' | t }}</th>
            <th>{{ 'versions.diff.kpi' | t }}</th>
            <th class="number">{{ 'versions.diff.before' | t }}</th>
            <th class="number">{{ 'versions.diff.after' | t }}</th>
            <th class="number">{{ 'versions.diff.delta' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of kpis(); track row.stageId + row.kpi) {
            <tr data-testid="diff-kpi" [attr.data-stage-id]="row.stageId">
              <td>{{ row.stageName }}</td>
              <td>{{ kpiKey(row.kpi) | t }}</td>
              <td class="number">{{ kpiValue(row.kpi, row.before) }}</td>
              <td class="number">{{ kpiValue(row.kpi, row.after) }}</td>
              <td class="number" data-testid="diff-kpi-delta">{{ kpiChange(row.kpi, row.delta) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .stage {
      margin-bottom: 12px;
    }
    h4 {
      margin: 12px 0 4px;
    }
    h5 {
      margin: 4px 0;
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    .mark {
      margin-right: 6px;
      font-size: 0.8em;
      font-weight: 600;
      text-transform: uppercase;
    }
    .added .mark {
      color: #2b8a3e;
    }
    .removed .mark {
      color: #c92a2a;
    }
    .changed .mark {
      color: #8f5e00;
    }
    .number {
      text-align: right;
    }
  `,
})
export class DiffView {
  private readonly i18n = inject(I18n);

  readonly groups = input.required<readonly DiffStageGroup[]>();
  readonly emotion = input.required<readonly ValueDelta[]>();
  readonly kpis = input.required<readonly KpiDelta[]>();

  protected laneKey(lane: JourneyLane): MessageKey {
    return `recommendations.lane.${lane}`;
  }

  protected kpiKey(kpi: Kpi | 'conversion'): MessageKey {
    return kpi === 'conversion' ? 'versions.diff.conversion' : `kpis.kpi.${kpi}`;
  }

  protected number(value: number | null, digits: number): string {
    return value === null ? '—' : new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: digits }).format(value);
  }

  protected change(value: number | null, digits: number): string {
    return signed(value, this.i18n.locale(), digits);
  }

  /** Conversions are shares: shown as percentages (their change in percentage points). */
  protected kpiValue(kpi: Kpi | 'conversion', value: number | null): string {
    if (!isShare(kpi)) return this.number(value, 2);
    return value === null ? '—' : `${this.number(value * 100, 1)} %`;
  }

  protected kpiChange(kpi: Kpi | 'conversion', value: number | null): string {
    if (!isShare(kpi)) return this.change(value, 2);
    return value === null ? '—' : `${this.change(value * 100, 1)} %`;
  }
}
