import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, CommentResponse, EvidenceQuery, EvidenceQuoteResponse, Page } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { of } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { JourneyApi } from './journey-api';

const NOT_OPEN: ApiError = { statusCode: 0, error: 'Error', message: '' };

/** The finding open in the drawer: its quotes page by page, and its comments (oldest first). */
@Injectable()
export class EvidenceStore extends PagedListStore<EvidenceQuoteResponse, EvidenceQuery> {
  private readonly api = inject(JourneyApi);
  private projectId = '';
  private findingId = '';
  private readonly commentState = signal<{ items: CommentResponse[]; total: number; error: ApiError | null }>({ items: [], total: 0, error: null });
  private commentsRequest: Subscription | null = null;

  readonly comments = computed(() => this.commentState().items);
  readonly commentTotal = computed(() => this.commentState().total);
  readonly commentsError = computed(() => this.commentState().error);

  constructor() {
    super();
    inject(DestroyRef).onDestroy(() => this.commentsRequest?.unsubscribe());
  }

  open(projectId: string, findingId: string): void {
    this.projectId = projectId;
    this.findingId = findingId;
    this.commentState.set({ items: [], total: 0, error: null });
    this.load({ page: 1 });
    this.loadComments();
  }

  loadComments(): void {
    if (!this.findingId) return;
    this.commentsRequest?.unsubscribe();
    this.commentsRequest = this.api
      .comments(this.projectId, this.findingId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'createdAt', order: 'asc' })
      .subscribe({
        next: (page) => this.commentState.set({ items: page.items, total: page.total, error: null }),
        error: (error: unknown) => this.commentState.update((state) => ({ ...state, error: toApiError(error) })),
      });
  }

  async addComment(text: string): Promise<Result<CommentResponse>> {
    if (!this.findingId) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.comment(this.projectId, this.findingId, { text: text.trim() }));
    if (result.ok) {
      this.commentState.update((state) => ({ ...state, items: [...state.items, result.value], total: state.total + 1 }));
    }
    return result;
  }

  protected initialQuery(): EvidenceQuery {
    return { page: 1, pageSize: 10 };
  }

  protected fetch(query: EvidenceQuery): Observable<Page<EvidenceQuoteResponse>> {
    if (!this.findingId) return of({ items: [], total: 0, page: 1, pageSize: query.pageSize ?? 10 });
    return this.api.evidence(this.projectId, this.findingId, query);
  }
}
