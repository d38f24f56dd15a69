import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ApiError, EventsImportResponse, JourneyMapResponse, MapQuery, WhatIfResponse } from '@tropa/contracts';
import { Subject, catchError, debounceTime, map, of, switchMap } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../../core/data-access/load-status';
import { toApiError, toResult } from '../../../core/http/api-error';
import type { Result } from '../../../core/http/api-error';
import { JourneyApi } from '../../data-access/journey-api';
import { eventProblemsFromError } from '../model/event-problems';
import { funnelRows, largestDrop, revenueFactors } from '../model/funnel-view';

/** How long a what-if slider must rest before the server is asked. */
export const WHAT_IF_DEBOUNCE_MS = new InjectionToken<number>('WHAT_IF_DEBOUNCE_MS', { factory: () => 300 });

interface MapState {
  status: LoadStatus;
  map: JourneyMapResponse | null;
  error: ApiError | null;
}

interface WhatIfState {
  stageId: string;
  /** The conversion the slider asks for, 0..1. */
  conversion: number;
  status: LoadStatus;
  result: WhatIfResponse | null;
  error: ApiError | null;
}

interface EventsState {
  uploading: boolean;
  result: EventsImportResponse | null;
  error: ApiError | null;
}

/** The funnel of the working map (L·C·P·Q per stage, hand-offs, revenue), the what-if and the events import. */
@Injectable()
export class KpisStore {
  private readonly api = inject(JourneyApi);
  private readonly debounceMs = inject(WHAT_IF_DEBOUNCE_MS);
  private readonly mapState = signal<MapState>({ status: 'idle', map: null, error: null });
  private readonly whatIfState = signal<WhatIfState | null>(null);
  private readonly eventsState = signal<EventsState>({ uploading: false, result: null, error: null });
  private readonly whatIfRequests = new Subject<{ stageId: string; conversion: number }>();
  private inFlight: Subscription | null = null;
  private projectId = '';
  private query: MapQuery = {};

  readonly status = computed(() => this.mapState().status);
  readonly error = computed(() => this.mapState().error);
  readonly map = computed(() => this.mapState().map);
  readonly rows = computed(() => {
    const map = this.mapState().map;
    return map ? funnelRows(map.funnel, map.stages) : [];
  });
  readonly drop = computed(() => largestDrop(this.rows()));
  readonly factors = computed(() => revenueFactors(this.rows()));
  readonly revenue = computed(() => this.mapState().map?.funnel.revenue ?? null);
  readonly periodDays = computed(() => this.mapState().map?.funnel.periodDays ?? null);
  readonly stages = computed(() => [...(this.mapState().map?.stages ?? [])].sort((a, b) => a.order - b.order));
  readonly handoffs = computed(() => {
    const map = this.mapState().map;
    if (!map) return [];
    const names = new Map<string, string>();
    for (const stage of map.stages) names.set(stage.id, stage.name);
    for (const cell of map.touchpoints.cells) if (cell.touchpointId) names.set(cell.touchpointId, cell.name);
    return map.funnel.handoffs.map((handoff) => ({
      ...handoff,
      fromName: names.get(handoff.from) ?? handoff.from,
      toName: names.get(handoff.to) ?? handoff.to,
    }));
  });

  readonly whatIf = this.whatIfState.asReadonly();

  readonly uploading = computed(() => this.eventsState().uploading);
  readonly eventsResult = computed(() => this.eventsState().result);
  readonly eventsError = computed(() => this.eventsState().error);
  /** Row problems: from a refused file (400 with details) or listed in the result. */
  readonly eventProblems = computed(() => {
    const state = this.eventsState();
    return state.error ? eventProblemsFromError(state.error) : (state.result?.problems ?? []);
  });

  constructor() {
    this.whatIfRequests
      .pipe(
        debounceTime(this.debounceMs),
        switchMap((request) =>
          this.api.whatIf(this.projectId, { ...(this.query.personaId ? { personaId: this.query.personaId } : {}), ...request }).pipe(
            map((value): { request: typeof request; result: Result<WhatIfResponse> } => ({ request, result: { ok: true, value } })),
            catchError((error: unknown) => of({ request, result: { ok: false as const, error: toApiError(error) } })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ request, result }) => {
        const current = this.whatIfState();
        if (!current || current.stageId !== request.stageId || current.conversion !== request.conversion) return;
        this.whatIfState.set(
          result.ok
            ? { ...current, status: 'ready', result: result.value, error: null }
            : { ...current, status: 'error', result: null, error: result.error },
        );
      });
  }

  open(projectId: string, query: MapQuery): void {
    this.projectId = projectId;
    this.query = query;
    this.whatIfState.set(null);
    this.eventsState.set({ uploading: false, result: null, error: null });
    this.load();
  }

  load(): void {
    this.mapState.update((state) => ({ ...state, status: 'loading', error: null }));
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.map(this.projectId, this.query).subscribe({
      next: (map) => this.mapState.set({ status: 'ready', map, error: null }),
      error: (error: unknown) => this.mapState.set({ status: 'error', map: null, error: toApiError(error) }),
    });
  }

  /** A slider moved: remembers the asked conversion now, asks the server once the slider rests. */
  changeConversion(stageId: string, conversion: number): void {
    this.whatIfState.set({ stageId, conversion, status: 'loading', result: null, error: null });
    this.whatIfRequests.next({ stageId, conversion });
  }

  resetWhatIf(): void {
    this.whatIfState.set(null);
  }

  async importEvents(file: File): Promise<void> {
    this.eventsState.set({ uploading: true, result: null, error: null });
    const result = await toResult(this.api.importEvents(this.projectId, file));
    this.eventsState.set(
      result.ok ? { uploading: false, result: result.value, error: null } : { uploading: false, result: null, error: result.error },
    );
    if (result.ok) {
      this.whatIfState.set(null);
      this.load();
    }
  }
}
