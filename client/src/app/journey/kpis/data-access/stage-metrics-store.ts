import { Injectable, inject } from '@angular/core';
import type { Page, PageQuery, PutStageMetricRequest, StageMetricResponse } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../../core/data-access/paged-list-store';
import { toResult } from '../../../core/http/api-error';
import type { Result } from '../../../core/http/api-error';
import { JourneyApi } from '../../data-access/journey-api';

/** The project's stage metrics (L, C, P, Q per stage and period) with hand entry and delete. */
@Injectable()
export class StageMetricsStore extends PagedListStore<StageMetricResponse, PageQuery> {
  private readonly api = inject(JourneyApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load({ page: 1 });
  }

  protected initialQuery(): PageQuery {
    return { page: 1, pageSize: 25 };
  }

  protected fetch(query: PageQuery): Observable<Page<StageMetricResponse>> {
    return this.api.metrics(this.projectId, query);
  }

  /** Creates or replaces the value of a stage, period and KPI; the list is read again (the value may replace a row). */
  async put(request: PutStageMetricRequest): Promise<Result<StageMetricResponse>> {
    const result = await toResult(this.api.putMetric(this.projectId, request));
    if (result.ok) this.reload();
    return result;
  }

  async remove(metricId: string): Promise<Result<void>> {
    const result = await toResult(this.api.removeMetric(this.projectId, metricId));
    if (result.ok) this.setItems((items) => items.filter((metric) => metric.id !== metricId), -1);
    return result;
  }
}
