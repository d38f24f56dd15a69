import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, Page, QuoteListQuery, QuoteResponse } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { EMPTY, expand, forkJoin, of, reduce } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { QuotesApi } from '../../quotes/data-access/quotes-api';
import { quotesByUtterance } from '../model/highlight-rows';

interface CodingState {
  status: LoadStatus;
  quotes: QuoteResponse[];
  /** While comparing in a blind-coded session: the ids of the caller's own highlights. */
  mine: ReadonlySet<string> | null;
  compare: boolean;
  selectedId: string | null;
  error: ApiError | null;
}

const INITIAL: CodingState = { status: 'idle', quotes: [], mine: null, compare: false, selectedId: null, error: null };
const NOT_LOADED: ApiError = { statusCode: 0, error: 'Error', message: '' };

/**
 * The highlights of one session, all of them (a session has a few hundred; pages of 100 until
 * done), indexed by utterance, and the coder's edits to them. In a blind-coded session the
 * server shows each coder only their own highlights and tags unless they compare.
 */
@Injectable()
export class CodingStore {
  private readonly api = inject(QuotesApi);
  private readonly state = signal<CodingState>(INITIAL);
  private inFlight: Subscription | null = null;
  private projectId = '';
  private sessionId = '';
  private blind = false;
  private me: string | null = null;

  readonly status = computed(() => this.state().status);
  readonly error = computed(() => this.state().error);
  readonly quotes = computed(() => this.state().quotes);
  readonly compare = computed(() => this.state().compare);
  /** While comparing in a blind-coded session, the caller's own highlights; otherwise null. */
  readonly mine = computed(() => this.state().mine);
  readonly byUtterance = computed(() => quotesByUtterance(this.state().quotes));
  readonly selectedId = computed(() => this.state().selectedId);
  readonly selected = computed(() => this.state().quotes.find((quote) => quote.id === this.state().selectedId) ?? null);

  /** `me`: the signed-in user, whose tag applications they may remove. */
  open(projectId: string, sessionId: string, blind: boolean, me: string | null): void {
    this.projectId = projectId;
    this.sessionId = sessionId;
    this.blind = blind;
    this.me = me;
    this.state.set(INITIAL);
    this.load();
  }

  setCompare(compare: boolean): void {
    this.state.update((state) => ({ ...state, compare }));
    this.load();
  }

  /** Another coder's highlight (only while comparing in a blind-coded session). */
  isOthers(quote: QuoteResponse): boolean {
    const mine = this.mine();
    return mine !== null && !mine.has(quote.id);
  }

  select(quoteId: string | null): void {
    this.state.update((state) => ({ ...state, selectedId: quoteId }));
  }

  load(): void {
    const { compare } = this.state();
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    this.inFlight?.unsubscribe();
    const comparing = this.blind && compare;
    this.inFlight = forkJoin({
      quotes: this.fetchAll(comparing),
      mine: comparing ? this.fetchAll(false) : of(null),
    }).subscribe({
      next: ({ quotes, mine }) =>
        this.state.update((state) => ({
          ...state,
          status: 'ready',
          quotes,
          mine: mine ? new Set(mine.map((quote) => quote.id)) : null,
          selectedId: quotes.some((quote) => quote.id === state.selectedId) ? state.selectedId : null,
        })),
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }

  async createHighlight(utteranceId: string, start: number, end: number, tagIds: string[]): Promise<Result<QuoteResponse>> {
    if (!this.projectId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.create(this.projectId, { utteranceId, start, end, tagIds }));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        quotes: [...state.quotes, result.value],
        mine: state.mine ? new Set([...state.mine, result.value.id]) : null,
      }));
    }
    return result;
  }

  /** Whether the signed-in coder applied this tag to this quote. */
  hasMine(quote: QuoteResponse, tagId: string): boolean {
    return quote.tags.some((application) => application.tagId === tagId && application.appliedBy === this.me);
  }

  /** A shortcut on a highlight: applies the tag, or removes the coder's own application of it. */
  async toggleTag(quoteId: string, tagId: string): Promise<Result<unknown>> {
    const quote = this.state().quotes.find((candidate) => candidate.id === quoteId);
    if (!quote) {
      return { ok: false, error: NOT_LOADED };
    }
    return this.hasMine(quote, tagId) ? this.removeTag(quoteId, tagId) : this.applyTag(quoteId, tagId);
  }

  async applyTag(quoteId: string, tagId: string): Promise<Result<QuoteResponse>> {
    const result = await toResult(this.api.applyTag(this.projectId, quoteId, tagId));
    if (result.ok) {
      this.replace(quoteId, (quote) => ({ ...result.value, tags: this.visibleTags(result.value), sentiment: result.value.sentiment ?? quote.sentiment }));
    }
    return result;
  }

  /** Removes the coder's own application of the tag (other coders' stay). */
  async removeTag(quoteId: string, tagId: string): Promise<Result<void>> {
    const result = await toResult(this.api.removeTag(this.projectId, quoteId, tagId));
    if (result.ok) {
      this.replace(quoteId, (quote) => ({
        ...quote,
        tags: quote.tags.filter((application) => !(application.tagId === tagId && application.appliedBy === this.me)),
      }));
    }
    return result;
  }

  async setSentiment(quoteId: string, sentiment: number | null): Promise<Result<QuoteResponse>> {
    const result = await toResult(this.api.update(this.projectId, quoteId, { sentiment }));
    if (result.ok) {
      this.replace(quoteId, (quote) => ({ ...quote, sentiment: result.value.sentiment }));
    }
    return result;
  }

  async remove(quoteId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, quoteId));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        quotes: state.quotes.filter((quote) => quote.id !== quoteId),
        selectedId: state.selectedId === quoteId ? null : state.selectedId,
      }));
    }
    return result;
  }

  /** The server answers a tag change with every coder's tags: in blind coding, keep only what this coder may see. */
  private visibleTags(quote: QuoteResponse): QuoteResponse['tags'] {
    return this.blind && !this.state().compare ? quote.tags.filter((application) => application.appliedBy === this.me) : quote.tags;
  }

  private replace(quoteId: string, change: (quote: QuoteResponse) => QuoteResponse): void {
    this.state.update((state) => ({ ...state, quotes: state.quotes.map((quote) => (quote.id === quoteId ? change(quote) : quote)) }));
  }

  /** Every page of the session's highlights, oldest first. */
  private fetchAll(compare: boolean): Observable<QuoteResponse[]> {
    const page = (n: number): Observable<Page<QuoteResponse>> => {
      const query: QuoteListQuery = { page: n, pageSize: MAX_PAGE_SIZE, sessionId: this.sessionId, sourceType: 'transcript', order: 'asc' };
      return this.api.list(this.projectId, compare ? { ...query, compare: true } : query);
    };
    return page(1).pipe(
      expand((current) => (current.page * current.pageSize < current.total && current.items.length > 0 ? page(current.page + 1) : EMPTY)),
      reduce((all, current) => [...all, ...current.items], [] as QuoteResponse[]),
    );
  }
}
