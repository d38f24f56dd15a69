import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, Page, ResponseListQuery, ResponseRecord } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable, Subscription } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { ResponsesApi } from './responses-api';

interface SelectedState {
  status: LoadStatus;
  response: ResponseRecord | null;
  error: ApiError | null;
}

/** A survey's responses, newest first, with filters; and the one response being read. */
@Injectable()
export class ResponsesStore extends PagedListStore<ResponseRecord, ResponseListQuery> {
  private readonly api = inject(ResponsesApi);
  private projectId = '';
  private surveyId = '';
  private readonly selectedState = signal<SelectedState>({ status: 'idle', response: null, error: null });
  private selecting: Subscription | null = null;

  readonly selected = computed(() => this.selectedState().response);
  readonly selectedStatus = computed(() => this.selectedState().status);
  readonly selectedError = computed(() => this.selectedState().error);

  open(projectId: string, surveyId: string): void {
    this.projectId = projectId;
    this.surveyId = surveyId;
    this.load();
  }

  protected initialQuery(): ResponseListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'submittedAt', order: 'desc' };
  }

  protected fetch(query: ResponseListQuery): Observable<Page<ResponseRecord>> {
    return this.api.list(this.projectId, this.surveyId, query);
  }

  select(responseId: string | null): void {
    this.selecting?.unsubscribe();
    if (!responseId) {
      this.selectedState.set({ status: 'idle', response: null, error: null });
      return;
    }
    const known = this.items().find((item) => item.id === responseId) ?? null;
    this.selectedState.set({ status: 'loading', response: known, error: null });
    this.selecting = this.api.get(this.projectId, this.surveyId, responseId).subscribe({
      next: (response) => this.selectedState.set({ status: 'ready', response, error: null }),
      error: (error: unknown) => this.selectedState.set({ status: 'error', response: null, error: toApiError(error) }),
    });
  }

  async remove(responseId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, this.surveyId, responseId));
    if (result.ok) {
      this.setItems((items) => items.filter((item) => item.id !== responseId), -1);
      if (this.selected()?.id === responseId) {
        this.select(null);
      }
    }
    return result;
  }
}
