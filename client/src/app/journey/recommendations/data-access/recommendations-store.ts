import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  CreateRecommendationRequest,
  FindingResponse,
  JourneyMapResponse,
  MapQuery,
  Page,
  PageQuery,
  RecommendationResponse,
  UpdateRecommendationRequest,
} from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable, Subscription } from 'rxjs';
import { PagedListStore } from '../../../core/data-access/paged-list-store';
import type { LoadStatus } from '../../../core/data-access/load-status';
import { toApiError, toResult } from '../../../core/http/api-error';
import type { Result } from '../../../core/http/api-error';
import { JourneyApi } from '../../data-access/journey-api';

export type RecommendationListQuery = MapQuery & PageQuery<'priority' | 'createdAt'>;

interface MapState {
  status: LoadStatus;
  map: JourneyMapResponse | null;
  error: ApiError | null;
}

/** Recommendations of the working map by priority, and the map's stages and findings to pick and label them. */
@Injectable()
export class RecommendationsStore extends PagedListStore<RecommendationResponse, RecommendationListQuery> {
  private readonly api = inject(JourneyApi);
  private readonly mapState = signal<MapState>({ status: 'idle', map: null, error: null });
  private mapRequest: Subscription | null = null;
  private projectId = '';

  readonly map = computed(() => this.mapState().map);
  readonly mapStatus = computed(() => this.mapState().status);
  readonly mapError = computed(() => this.mapState().error);
  readonly stages = computed(() => [...(this.mapState().map?.stages ?? [])].sort((a, b) => a.order - b.order));
  readonly stageNames = computed(() => new Map(this.stages().map((stage) => [stage.id, stage.name])));
  readonly findingsById = computed(() => new Map<string, FindingResponse>((this.mapState().map?.findings ?? []).map((finding) => [finding.id, finding])));

  open(projectId: string, personaId: string | undefined): void {
    this.projectId = projectId;
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

  protected initialQuery(): RecommendationListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'priority', order: 'desc' };
  }

  protected fetch(query: RecommendationListQuery): Observable<Page<RecommendationResponse>> {
    return this.api.recommendations(this.projectId, query);
  }

  /** The list is read again after a write: the server computes the priority that orders it. */
  async create(request: CreateRecommendationRequest): Promise<Result<RecommendationResponse>> {
    const personaId = this.query().personaId;
    const result = await toResult(this.api.createRecommendation(this.projectId, personaId ? { personaId } : {}, request));
    if (result.ok) this.reload();
    return result;
  }

  async update(id: string, request: UpdateRecommendationRequest): Promise<Result<RecommendationResponse>> {
    const result = await toResult(this.api.updateRecommendation(this.projectId, id, request));
    if (result.ok) this.reload();
    return result;
  }

  async remove(id: string): Promise<Result<void>> {
    const result = await toResult(this.api.removeRecommendation(this.projectId, id));
    if (result.ok) this.setItems((items) => items.filter((item) => item.id !== id), -1);
    return result;
  }
}
