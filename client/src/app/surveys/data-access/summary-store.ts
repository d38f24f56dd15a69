import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, SurveySummaryResponse } from '@tropa/contracts';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { ResponsesApi } from './responses-api';
import { summaryCharts } from '../model/summary-charts';

interface SummaryState {
  status: LoadStatus;
  summary: SurveySummaryResponse | null;
  error: ApiError | null;
}

/** Per-question summaries and the chart series made from them. */
@Injectable()
export class SummaryStore {
  private readonly api = inject(ResponsesApi);
  private readonly i18n = inject(I18n);
  private readonly state = signal<SummaryState>({ status: 'idle', summary: null, error: null });
  private inFlight: Subscription | null = null;
  private target: { projectId: string; surveyId: string } | null = null;

  readonly status = computed(() => this.state().status);
  readonly summary = computed(() => this.state().summary);
  readonly error = computed(() => this.state().error);
  readonly charts = computed(() =>
    summaryCharts(this.state().summary, {
      yes: this.i18n.t('common.yes'),
      no: this.i18n.t('common.no'),
      promoters: this.i18n.t('summary.promoters'),
      passives: this.i18n.t('summary.passives'),
      detractors: this.i18n.t('summary.detractors'),
    }),
  );

  open(projectId: string, surveyId: string): void {
    this.target = { projectId, surveyId };
    this.reload();
  }

  reload(): void {
    if (!this.target) return;
    const { projectId, surveyId } = this.target;
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.summary(projectId, surveyId).subscribe({
      next: (summary) => this.state.set({ status: 'ready', summary, error: null }),
      error: (error: unknown) => this.state.set({ status: 'error', summary: null, error: toApiError(error) }),
    });
  }
}
