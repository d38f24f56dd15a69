import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, UtteranceResponse } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError } from '../../core/http/api-error';
import { SessionsApi } from './sessions-api';

interface UtterancesState {
  status: LoadStatus;
  items: UtteranceResponse[];
  total: number;
  /** Pages of {@link MAX_PAGE_SIZE} loaded so far. */
  pages: number;
  participantId: string | null;
  error: ApiError | null;
}

const INITIAL: UtterancesState = { status: 'idle', items: [], total: 0, pages: 0, participantId: null, error: null };

/**
 * A transcript read as the viewer scrolls: pages of 100 utterances appended one at a time, so
 * a two-hour focus group never arrives (or renders) all at once. A filter starts over.
 */
@Injectable()
export class UtterancesStore {
  private readonly api = inject(SessionsApi);
  private readonly state = signal<UtterancesState>(INITIAL);
  private inFlight: Subscription | null = null;
  private projectId = '';
  private sessionId = '';
  /** Callers of {@link loadUntil} waiting for the page in flight. */
  private waiters: Array<() => void> = [];

  readonly status = computed(() => this.state().status);
  readonly items = computed(() => this.state().items);
  readonly total = computed(() => this.state().total);
  readonly participantId = computed(() => this.state().participantId);
  readonly error = computed(() => this.state().error);
  readonly hasMore = computed(() => this.state().pages === 0 || this.state().items.length < this.state().total);
  readonly isEmpty = computed(() => this.state().status === 'ready' && this.state().total === 0);

  open(projectId: string, sessionId: string): void {
    this.projectId = projectId;
    this.sessionId = sessionId;
    this.filter(null);
  }

  filter(participantId: string | null): void {
    this.inFlight?.unsubscribe();
    this.inFlight = null;
    this.state.set({ ...INITIAL, participantId });
    this.wake();
    this.loadMore();
  }

  /** The next page, unless one is on its way or everything is here. */
  loadMore(): void {
    const state = this.state();
    if (this.inFlight && !this.inFlight.closed) {
      return;
    }
    if (state.pages > 0 && state.items.length >= state.total) {
      return;
    }
    const page = state.pages + 1;
    this.state.update((current) => ({ ...current, status: 'loading', error: null }));
    this.inFlight = this.api
      .utterances(this.projectId, this.sessionId, {
        page,
        pageSize: MAX_PAGE_SIZE,
        order: 'asc',
        participantId: state.participantId ?? undefined,
      })
      .subscribe({
        next: (result) => {
          this.state.update((current) => ({
            ...current,
            status: 'ready',
            items: [...current.items, ...result.items],
            total: result.total,
            pages: page,
          }));
          this.wake();
        },
        error: (error: unknown) => {
          this.state.update((current) => ({ ...current, status: 'error', error: toApiError(error) }));
          this.wake();
        },
      });
  }

  /**
   * Loads page after page until `found()` holds or the transcript ends (or a page fails):
   * a jump to a highlight or a deep link further down than the reader has scrolled.
   */
  async loadUntil(found: () => boolean): Promise<boolean> {
    while (!found()) {
      if (this.state().status === 'error' || !this.hasMore()) {
        return false;
      }
      const arrived = new Promise<void>((resolve) => this.waiters.push(resolve));
      this.loadMore();
      await arrived;
    }
    return true;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
