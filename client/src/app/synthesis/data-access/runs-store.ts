import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, Page, RunComparisonResponse, SynthesisRunListQuery, SynthesisRunResponse } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toResult } from '../../core/http/api-error';
import { SynthesisApi } from './synthesis-api';

interface ComparisonState {
  status: LoadStatus;
  comparison: RunComparisonResponse | null;
  error: ApiError | null;
}

/** The runs history, newest first, and the comparison of two runs the user picked. */
@Injectable()
export class RunsStore extends PagedListStore<SynthesisRunResponse, SynthesisRunListQuery> {
  private readonly api = inject(SynthesisApi);
  private projectId = '';
  private readonly picked = signal<readonly SynthesisRunResponse[]>([]);
  private readonly comparisonState = signal<ComparisonState>({ status: 'idle', comparison: null, error: null });

  readonly pickedIds = computed(() => this.picked().map((run) => run.id));
  readonly canCompare = computed(() => this.picked().length === 2);
  readonly comparisonStatus = computed(() => this.comparisonState().status);
  readonly comparison = computed(() => this.comparisonState().comparison);
  readonly comparisonError = computed(() => this.comparisonState().error);

  open(projectId: string): void {
    this.projectId = projectId;
    this.picked.set([]);
    this.comparisonState.set({ status: 'idle', comparison: null, error: null });
    this.load({ page: 1 });
  }

  /** Picks a run for the comparison; a third pick replaces the oldest pick. */
  toggle(run: SynthesisRunResponse): void {
    this.picked.update((runs) => {
      if (runs.some((current) => current.id === run.id)) return runs.filter((current) => current.id !== run.id);
      return [...runs, run].slice(-2);
    });
  }

  /** Compares the newer picked run with the older one. */
  async compare(): Promise<void> {
    const [first, second] = this.picked();
    if (!first || !second) return;
    const [older, newer] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
    this.comparisonState.set({ status: 'loading', comparison: null, error: null });
    const result = await toResult(this.api.compareRuns(this.projectId, newer.id, older.id));
    this.comparisonState.set(
      result.ok ? { status: 'ready', comparison: result.value, error: null } : { status: 'error', comparison: null, error: result.error },
    );
  }

  protected initialQuery(): SynthesisRunListQuery {
    return { page: 1, pageSize: 25, sort: 'createdAt', order: 'desc' };
  }

  protected fetch(query: SynthesisRunListQuery): Observable<Page<SynthesisRunResponse>> {
    return this.api.listRuns(this.projectId, query);
  }
}
