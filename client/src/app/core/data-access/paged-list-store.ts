import { computed, signal } from '@angular/core';
import type { ApiError, Page, PageQuery } from '@tropa/contracts';
import type { Observable, Subscription } from 'rxjs';
import { toApiError } from '../http/api-error';
import type { LoadStatus } from './load-status';

interface PagedListState<TItem, TQuery> {
  status: LoadStatus;
  items: TItem[];
  total: number;
  query: TQuery;
  error: ApiError | null;
}

/**
 * State of one paginated list: the query (page, size, sort, filters), the page that
 * came back and a load status. Subclasses say how to fetch; a new load cancels the one
 * in flight, so typing in a search box never shows a stale page.
 */
export abstract class PagedListStore<TItem, TQuery extends PageQuery> {
  private readonly state = signal<PagedListState<TItem, TQuery>>({
    status: 'idle',
    items: [],
    total: 0,
    query: this.initialQuery(),
    error: null,
  });
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly items = computed(() => this.state().items);
  readonly total = computed(() => this.state().total);
  readonly query = computed(() => this.state().query);
  readonly error = computed(() => this.state().error);
  readonly isEmpty = computed(() => this.state().status === 'ready' && this.state().total === 0);

  protected abstract initialQuery(): TQuery;
  protected abstract fetch(query: TQuery): Observable<Page<TItem>>;

  /** Loads with the current query changed by `patch`; filters other than `page` go back to page 1. */
  load(patch: Partial<TQuery> = {}): void {
    const resetsPage = Object.keys(patch).some((key) => key !== 'page' && key !== 'pageSize');
    const query: TQuery = { ...this.state().query, ...patch, ...(resetsPage ? { page: 1 } : {}) };
    this.state.update((state) => ({ ...state, status: 'loading', query, error: null }));
    this.inFlight?.unsubscribe();
    this.inFlight = this.fetch(query).subscribe({
      next: (page) =>
        this.state.update((state) => ({ ...state, status: 'ready', items: page.items, total: page.total })),
      error: (error: unknown) =>
        this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }

  reload(): void {
    this.load();
  }

  protected setItems(update: (items: TItem[]) => TItem[], totalDelta = 0): void {
    this.state.update((state) => ({ ...state, items: update(state.items), total: state.total + totalDelta }));
  }
}
