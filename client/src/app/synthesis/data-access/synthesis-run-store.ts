import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { ApiError, StartSynthesisRequest, SynthesisRunResponse } from '@tropa/contracts';
import { exhaustMap, takeWhile, timer } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { isRunActive, progressPercent } from '../model/run-status';
import { SynthesisApi } from './synthesis-api';

/** How often a queued or running run is asked for. */
export const SYNTHESIS_POLL_MS = new InjectionToken<number>('SYNTHESIS_POLL_MS', { factory: () => 1000 });

/** The newest runs the synthesis tab needs: the latest one and the latest with results. */
const RECENT_RUNS = 10;

interface RunState {
  status: LoadStatus;
  projectId: string;
  /** Newest first. */
  runs: SynthesisRunResponse[];
  error: ApiError | null;
}

const NO_PROJECT: Result<SynthesisRunResponse> = { ok: false, error: { statusCode: 0, error: 'Error', message: '' } };

/**
 * The project's latest synthesis run and its live progress: while a run is queued or
 * running it is polled (a slow answer is waited for, never overtaken) and polling stops
 * as soon as the run has finished or the screen is left.
 */
@Injectable()
export class SynthesisRunStore {
  private readonly api = inject(SynthesisApi);
  private readonly pollMs = inject(SYNTHESIS_POLL_MS);
  private readonly state = signal<RunState>({ status: 'idle', projectId: '', runs: [], error: null });
  private inFlight: Subscription | null = null;
  private polling: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly error = computed(() => this.state().error);
  readonly latest = computed((): SynthesisRunResponse | null => this.state().runs[0] ?? null);
  /** The newest run with results: the one the review board shows. */
  readonly reviewedRun = computed(
    (): SynthesisRunResponse | null => this.state().runs.find((run) => run.status === 'succeeded') ?? null,
  );
  readonly reviewedRunId = computed(() => this.reviewedRun()?.id ?? null);
  readonly active = computed(() => {
    const latest = this.latest();
    return latest !== null && isRunActive(latest);
  });
  /** 0..100 for the progress bar. */
  readonly progress = computed(() => {
    const latest = this.latest();
    return latest ? progressPercent(latest) : 0;
  });
  readonly isPolling = signal(false);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.inFlight?.unsubscribe();
      this.stopPolling();
    });
  }

  open(projectId: string): void {
    this.stopPolling();
    this.state.set({ status: 'loading', projectId, runs: [], error: null });
    this.load();
  }

  reload(): void {
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    this.load();
  }

  async start(request: StartSynthesisRequest): Promise<Result<SynthesisRunResponse>> {
    const { projectId } = this.state();
    if (!projectId) return NO_PROJECT;
    const result = await toResult(this.api.startRun(projectId, request));
    if (result.ok) {
      this.state.update((state) => ({ ...state, runs: [result.value, ...state.runs.filter((run) => run.id !== result.value.id)] }));
      this.follow(result.value);
    } else if (result.error.statusCode === 409) {
      // Someone else's run is already queued or running: show it.
      this.reload();
    }
    return result;
  }

  async cancel(): Promise<Result<SynthesisRunResponse>> {
    const latest = this.latest();
    if (!latest) return NO_PROJECT;
    const result = await toResult(this.api.cancelRun(this.state().projectId, latest.id));
    if (result.ok) {
      this.stopPolling();
      this.replace(result.value);
    } else if (result.error.statusCode === 409) {
      this.reload();
    }
    return result;
  }

  async retry(): Promise<Result<SynthesisRunResponse>> {
    const latest = this.latest();
    if (!latest) return NO_PROJECT;
    const result = await toResult(this.api.retryRun(this.state().projectId, latest.id));
    if (result.ok) {
      this.replace(result.value);
      this.follow(result.value);
    }
    return result;
  }

  private load(): void {
    const { projectId } = this.state();
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.listRuns(projectId, { page: 1, pageSize: RECENT_RUNS, sort: 'createdAt', order: 'desc' }).subscribe({
      next: (page) => {
        this.state.update((state) => ({ ...state, status: 'ready', runs: page.items }));
        const latest = page.items[0];
        if (latest && isRunActive(latest)) {
          this.follow(latest);
        } else {
          this.stopPolling();
        }
      },
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }

  /** Polls the run until it has finished. */
  private follow(run: SynthesisRunResponse): void {
    this.stopPolling();
    if (!isRunActive(run)) return;
    const { projectId } = this.state();
    this.isPolling.set(true);
    this.polling = timer(this.pollMs, this.pollMs)
      .pipe(
        exhaustMap(() => this.api.getRun(projectId, run.id)),
        takeWhile((current) => isRunActive(current), true),
      )
      .subscribe({
        next: (current) => this.replace(current),
        error: (error: unknown) => {
          this.isPolling.set(false);
          this.state.update((state) => ({ ...state, error: toApiError(error) }));
        },
        complete: () => this.isPolling.set(false),
      });
  }

  private stopPolling(): void {
    this.polling?.unsubscribe();
    this.polling = null;
    this.isPolling.set(false);
  }

  private replace(run: SynthesisRunResponse): void {
    this.state.update((state) => ({ ...state, runs: state.runs.map((current) => (current.id === run.id ? run : current)) }));
  }
}
