import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, JourneyMapResponse, MapDiffResponse, MapQuery, MapVersionListQuery, MapVersionResponse, Page } from '@tropa/contracts';
import type { Observable, Subscription } from 'rxjs';
import { PagedListStore } from '../../../core/data-access/paged-list-store';
import type { LoadStatus } from '../../../core/data-access/load-status';
import { toApiError, toResult } from '../../../core/http/api-error';
import type { Result } from '../../../core/http/api-error';
import { JourneyApi } from '../../data-access/journey-api';
import { emotionDeltas, groupDiff, kpiDeltas, unreviewedCount } from '../model/map-diff';

export type VersionListQuery = MapQuery & MapVersionListQuery;

interface MapState {
  status: LoadStatus;
  map: JourneyMapResponse | null;
  error: ApiError | null;
}

interface DiffState {
  status: LoadStatus;
  diff: MapDiffResponse | null;
  error: ApiError | null;
}

/** Published versions of the map (newest first), publishing the working map, and the diff of two versions or of a version and the working map. */
@Injectable()
export class VersionsStore extends PagedListStore<MapVersionResponse, VersionListQuery> {
  private readonly api = inject(JourneyApi);
  private readonly mapState = signal<MapState>({ status: 'idle', map: null, error: null });
  private readonly diffState = signal<DiffState>({ status: 'idle', diff: null, error: null });
  private readonly lastPublished = signal<MapVersionResponse | null>(null);
  private mapRequest: Subscription | null = null;
  private projectId = '';

  readonly mapError = computed(() => this.mapState().error);
  readonly stages = computed(() => this.mapState().map?.stages ?? []);
  /** Findings of the working map still proposed: publishing them is allowed but the version is marked. */
  readonly unreviewed = computed(() => unreviewedCount(this.mapState().map?.findings ?? []));
  readonly mapReady = computed(() => this.mapState().status === 'ready');
  readonly published = this.lastPublished.asReadonly();

  readonly diffStatus = computed(() => this.diffState().status);
  readonly diffError = computed(() => this.diffState().error);
  readonly diff = computed(() => this.diffState().diff);
  readonly diffGroups = computed(() => {
    const diff = this.diffState().diff;
    return diff ? groupDiff(diff, this.stages()) : [];
  });
  readonly emotionRows = computed(() => {
    const diff = this.diffState().diff;
    return diff ? emotionDeltas(diff, this.stages()) : [];
  });
  readonly kpiRows = computed(() => {
    const diff = this.diffState().diff;
    return diff ? kpiDeltas(diff, this.stages()) : [];
  });

  open(projectId: string, personaId: string | undefined): void {
    this.projectId = projectId;
    this.lastPublished.set(null);
    this.diffState.set({ status: 'idle', diff: null, error: null });
    this.load({ page: 1, personaId });
    this.loadMap();
  }

  loadMap(): void {
    const personaId = this.query().personaId;
    this.mapState.update((state) => ({ ...state, status: 'loading', error: null }));
    this.mapRequest?.unsubscribe();
    this.mapRequest = this.api.map(this.projectId, personaId ? { personaId } : {}).subscribe({
      next: (map) => this.mapState.set({ status: 'ready', map, error: null }),
      error: (error: unknown) => this.mapState.set({ status: 'error', map: null, error: toApiError(error) }),
    });
  }

  async publish(): Promise<Result<MapVersionResponse>> {
    const personaId = this.query().personaId;
    const result = await toResult(this.api.publish(this.projectId, personaId ? { personaId } : {}));
    if (result.ok) {
      this.lastPublished.set(result.value);
      this.load({ page: 1 });
      // The working map's "new since the last version" marks change with a new version.
      this.loadMap();
    }
    return result;
  }

  /** `to` null: against the working map. */
  async compare(from: string, to: string | null): Promise<void> {
    this.diffState.set({ status: 'loading', diff: null, error: null });
    const result = await toResult(this.api.diff(this.projectId, from, to ?? undefined));
    this.diffState.set(result.ok ? { status: 'ready', diff: result.value, error: null } : { status: 'error', diff: null, error: result.error });
  }

  protected initialQuery(): VersionListQuery {
    return { page: 1, pageSize: 25, sort: 'number', order: 'desc' };
  }

  protected fetch(query: VersionListQuery): Observable<Page<MapVersionResponse>> {
    return this.api.versions(this.projectId, query);
  }
}
