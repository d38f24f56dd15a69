import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, ClusterQuote, ClusterQuotesQuery, Page, ProjectJobResponse } from '@tropa/contracts';
import { of } from 'rxjs';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import { SynthesisApi } from './synthesis-api';

/** One job to be done and the quotes that are its evidence, page by page. */
@Injectable()
export class JobStore extends PagedListStore<ClusterQuote, ClusterQuotesQuery> {
  private readonly api = inject(SynthesisApi);
  private projectId = '';
  private jobId = '';
  private readonly jobState = signal<{ job: ProjectJobResponse | null; error: ApiError | null }>({ job: null, error: null });

  readonly job = computed(() => this.jobState().job);
  readonly jobError = computed(() => this.jobState().error);

  async open(projectId: string, jobId: string): Promise<void> {
    this.projectId = projectId;
    this.jobId = jobId;
    this.jobState.set({ job: null, error: null });
    this.load({ page: 1 });
    const result = await toResult(this.api.getJob(projectId, jobId));
    this.jobState.set(result.ok ? { job: result.value, error: null } : { job: null, error: result.error });
  }

  protected initialQuery(): ClusterQuotesQuery {
    return { page: 1, pageSize: 25 };
  }

  protected fetch(query: ClusterQuotesQuery): Observable<Page<ClusterQuote>> {
    if (!this.jobId) return of({ items: [], total: 0, page: 1, pageSize: query.pageSize ?? 25 });
    return this.api.jobQuotes(this.projectId, this.jobId, query);
  }
}
