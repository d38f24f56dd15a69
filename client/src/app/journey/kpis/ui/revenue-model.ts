import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiError, WhatIfResponse } from '@tropa/contracts';
import type { LoadStatus } from '../../../core/data-access/load-status';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { formatNumber, formatPercent } from '../model/kpi-format';
import type { FunnelRow, RevenueFactors } from '../model/funnel-view';
import { conversionToSlider, sliderLabel, sliderToConversion, whatIfChangeText } from '../model/what-if';

export interface WhatIfView {
  stageId: string;
  conversion: number;
  status: LoadStatus;
  result: WhatIfResponse | null;
  error: ApiError | null;
}

/** Revenue = L × C × P × Q with its factors, and a what-if slider per stage conversion. */
@Component({
  selector: 'tropa-revenue-model',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = factors();
    <div class="formula">
      <div class="revenue">
        <span class="tropa-muted">{{ 'kpis.revenue.current' | t }}</span>
        <strong data-testid="revenue-current">{{ number(revenue()) }}</strong>
        @if (periodDays(); as days) {
          <span class="tropa-muted">{{ 'kpis.revenue.perPeriod' | t: { days } }}</span>
        }
      </div>
      <span class="op">=</span>
      <div class="factor" data-testid="revenue-factor-L" [title]="'kpis.kpi.L' | t"><span>L</span>{{ number(f.leads) }}</div>
      <span class="op">×</span>
      <div class="factor" data-testid="revenue-factor-C" [title]="'kpis.kpi.C' | t"><span>C</span>{{ percent(f.conversion) }}</div>
      <span class="op">×</span>
      <div class="factor" data-testid="revenue-factor-P" [title]="'kpis.kpi.P' | t"><span>P</span>{{ number(f.averageCheck, 2) }}</div>
      <span class="op">×</span>
      <div class="factor" data-testid="revenue-factor-Q" [title]="'kpis.kpi.Q' | t"><span>Q</span>{{ number(f.purchasesPerCustomer, 2) }}</div>
    </div>
    @if (revenue() === null) {
      <p class="tropa-muted" data-testid="revenue-unknown">{{ 'kpis.revenue.unknown' | t }}</p>
    } @else if (f.purchaseStageName) {
      <p class="tropa-muted">{{ 'kpis.revenue.purchaseStage' | t: { stage: f.purchaseStageName } }}</p>
    }

    <h4>{{ 'kpis.whatIf.title' | t }}</h4>
    <p class="tropa-muted">{{ 'kpis.whatIf.hint' | t }}</p>
    @for (row of sliderRows(); track row.stageId) {
      <div class="slider">
        <label [for]="'whatif-' + row.stageId">{{ row.name }}</label>
        <input
          type="range"
          min="0"
          max="100"
          step="1"
          [id]="'whatif-' + row.stageId"
          [value]="position(row)"
          (input)="move(row.stageId, $event)"
          data-testid="whatif-slider"
          [attr.data-stage-id]="row.stageId"
        />
        <span class="value" data-testid="whatif-value" [attr.data-stage-id]="row.stageId">{{ label(position(row)) }}</span>
      </div>
    } @empty {
      <p class="tropa-empty" data-testid="whatif-empty">{{ 'kpis.whatIf.empty' | t }}</p>
    }
    @if (whatIf(); as w) {
      <div class="result" data-testid="whatif-result">
        @if (w.status === 'loading') {
          <mat-progress-bar mode="indeterminate" />
        } @else if (w.error; as error) {
          <p class="tropa-form-error" role="alert" data-testid="whatif-error">{{ error.message || ('errors.generic' | t) }}</p>
        } @else if (w.result; as r) {
          <p>
            {{ 'kpis.whatIf.newRevenue' | t }} <strong data-testid="revenue-new">{{ number(r.newRevenue) }}</strong>
          </p>
          <p data-testid="revenue-delta">{{ 'kpis.whatIf.delta' | t: deltaText(w) }}</p>
        }
        <button mat-button type="button" (click)="resetRequested.emit()" data-testid="whatif-reset">{{ 'kpis.whatIf.reset' | t }}</button>
      </div>
    }
  `,
  styles: `
    .formula {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .revenue {
      display: flex;
      flex-direction: column;
    }
    .revenue strong {
      font-size: 2rem;
      line-height: 1.2;
      color: var(--mat-sys-primary);
    }
    .factor {
      display: flex;
      flex-direction: column;
      align-items: center;
      font-size: 1.1rem;
    }
    .factor span {
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--mat-sys-on-surface-variant);
    }
    .op {
      font-size: 1.4rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .slider {
      display: grid;
      grid-template-columns: minmax(120px, 200px) minmax(160px, 1fr) 64px;
      gap: 12px;
      align-items: center;
      margin: 4px 0;
    }
    .slider input {
      width: 100%;
    }
    .value {
      text-align: right;
    }
    .result {
      margin-top: 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class RevenueModel {
  private readonly i18n = inject(I18n);

  readonly rows = input.required<readonly FunnelRow[]>();
  readonly factors = input.required<RevenueFactors>();
  readonly revenue = input<number | null>(null);
  readonly periodDays = input<number | null>(null);
  readonly whatIf = input<WhatIfView | null>(null);
  readonly conversionChanged = output<{ stageId: string; conversion: number }>();
  readonly resetRequested = output();

  /** A slider for every stage that converts into a next one. */
  protected readonly sliderRows = computed(() => this.rows().filter((row) => row.nextName !== null && row.conversion !== null));

  protected position(row: FunnelRow): number {
    const whatIf = this.whatIf();
    return whatIf?.stageId === row.stageId ? conversionToSlider(whatIf.conversion) : conversionToSlider(row.conversion);
  }

  protected move(stageId: string, event: Event): void {
    this.conversionChanged.emit({ stageId, conversion: sliderToConversion(Number((event.target as HTMLInputElement).value)) });
  }

  protected deltaText(whatIf: WhatIfView): { change: string; stage: string; delta: string } {
    const row = this.rows().find((candidate) => candidate.stageId === whatIf.stageId);
    return whatIfChangeText(row?.conversion ?? null, whatIf.conversion, whatIf.result?.delta ?? null, row?.name ?? '', this.i18n.locale());
  }

  protected label(position: number): string {
    return sliderLabel(position, this.i18n.locale());
  }

  protected number(value: number | null, digits = 0): string {
    return formatNumber(value, this.i18n.locale(), digits);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, this.i18n.locale());
  }
}
