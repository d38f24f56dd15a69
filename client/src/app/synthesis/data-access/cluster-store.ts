import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, ClusterQuote, ClusterQuotesQuery, ClusterResponse, Page, UpdateClusterRequest } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { of } from 'rxjs';
import type { Observable, Subscription } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { moveTargets } from '../model/run-status';
import { SynthesisApi } from './synthesis-api';

const NOT_OPEN: ApiError = { statusCode: 0, error: 'Error', message: '' };

/**
 * One cluster opened for review: the cluster, its quotes page by page (best score first),
 * the quotes the user ticked, and the clusters of the same run they may be moved to.
 */
@Injectable()
export class ClusterStore extends PagedListStore<ClusterQuote, ClusterQuotesQuery> {
  private readonly api = inject(SynthesisApi);
  private projectId = '';
  private clusterId = '';
  private readonly clusterState = signal<{ cluster: ClusterResponse | null; error: ApiError | null }>({ cluster: null, error: null });
  private readonly runClusters = signal<ClusterResponse[]>([]);
  private readonly selection = signal<readonly string[]>([]);
  private clusterRequest: Subscription | null = null;
  private targetsRequest: Subscription | null = null;

  readonly cluster = computed(() => this.clusterState().cluster);
  readonly clusterError = computed(() => this.clusterState().error);
  readonly selectedQuoteIds = this.selection.asReadonly();
  readonly hasSelection = computed(() => this.selection().length > 0);
  /** Open clusters of the same run, the cluster itself excluded. */
  readonly targets = computed(() => moveTargets(this.runClusters(), this.clusterId));

  constructor() {
    super();
    inject(DestroyRef).onDestroy(() => {
      this.clusterRequest?.unsubscribe();
      this.targetsRequest?.unsubscribe();
    });
  }

  open(projectId: string, clusterId: string): void {
    this.projectId = projectId;
    this.clusterId = clusterId;
    this.selection.set([]);
    this.runClusters.set([]);
    this.clusterState.set({ cluster: null, error: null });
    this.fetchCluster(true);
    this.load({ page: 1 });
  }

  /** After a split or a move: the cluster's figures and its quotes changed. */
  refresh(): void {
    this.selection.set([]);
    this.fetchCluster(false);
    this.reload();
  }

  isSelected(quoteId: string): boolean {
    return this.selection().includes(quoteId);
  }

  toggle(quoteId: string): void {
    this.selection.update((ids) => (ids.includes(quoteId) ? ids.filter((id) => id !== quoteId) : [...ids, quoteId]));
  }

  update(request: UpdateClusterRequest): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.updateCluster(this.projectId, this.clusterId, request));
  }

  accept(): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.acceptCluster(this.projectId, this.clusterId));
  }

  discard(): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.discardCluster(this.projectId, this.clusterId));
  }

  /** The ticked quotes leave for a new cluster; resolves to the new cluster. */
  async split(label?: string): Promise<Result<ClusterResponse>> {
    const quoteIds = [...this.selection()];
    if (quoteIds.length === 0) return { ok: false, error: NOT_OPEN };
    const result = await toResult(
      this.api.splitCluster(this.projectId, this.clusterId, { quoteIds, ...(label?.trim() ? { label: label.trim() } : {}) }),
    );
    if (result.ok) {
      this.refresh();
      this.loadTargets();
    }
    return result;
  }

  async move(toClusterId: string): Promise<Result<{ moved: number }>> {
    const quoteIds = [...this.selection()];
    if (quoteIds.length === 0) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.moveQuotes(this.projectId, this.clusterId, { quoteIds, toClusterId }));
    if (result.ok) {
      this.refresh();
      this.loadTargets();
    }
    return result;
  }

  protected initialQuery(): ClusterQuotesQuery {
    return { page: 1, pageSize: 25 };
  }

  protected fetch(query: ClusterQuotesQuery): Observable<Page<ClusterQuote>> {
    if (!this.clusterId) return of({ items: [], total: 0, page: 1, pageSize: query.pageSize ?? 25 });
    return this.api.clusterQuotes(this.projectId, this.clusterId, query);
  }

  private fetchCluster(withTargets: boolean): void {
    this.clusterRequest?.unsubscribe();
    this.clusterRequest = this.api.getCluster(this.projectId, this.clusterId).subscribe({
      next: (cluster) => {
        this.clusterState.set({ cluster, error: null });
        if (withTargets) this.loadTargets();
      },
      error: (error: unknown) => this.clusterState.update((state) => ({ ...state, error: toApiError(error) })),
    });
  }

  /** The run's clusters a quote may move to (one large page: a run has tens of clusters). */
  private loadTargets(): void {
    const runId = this.clusterState().cluster?.runId;
    if (!runId) return;
    this.targetsRequest?.unsubscribe();
    this.targetsRequest = this.api
      .listClusters(this.projectId, runId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'label', order: 'asc' })
      .subscribe({ next: (page) => this.runClusters.set(page.items), error: () => this.runClusters.set([]) });
  }

  private async apply(request: Observable<ClusterResponse>): Promise<Result<ClusterResponse>> {
    const result = await toResult(request);
    if (result.ok) this.clusterState.set({ cluster: result.value, error: null });
    return result;
  }
}
