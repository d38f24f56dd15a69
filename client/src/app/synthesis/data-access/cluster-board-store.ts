import { Injectable, computed, inject, signal } from '@angular/core';
import type { ClusterKind, ClusterListQuery, ClusterResponse, Page, UpdateClusterRequest } from '@tropa/contracts';
import { of } from 'rxjs';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SynthesisApi } from './synthesis-api';

const NOT_OPEN = { statusCode: 0, error: 'Error', message: '' };

/**
 * The review board of one run: the clusters of one kind (merged ones are hidden by the
 * server), the cards the user selected for a merge, and the review actions. Every action
 * takes the server's answer for the card it changed.
 */
@Injectable()
export class ClusterBoardStore extends PagedListStore<ClusterResponse, ClusterListQuery> {
  private readonly api = inject(SynthesisApi);
  private projectId = '';
  private runId = '';
  private readonly selection = signal<readonly string[]>([]);

  readonly selectedIds = this.selection.asReadonly();
  readonly canMerge = computed(() => this.selection().length >= 2);

  open(projectId: string, runId: string, kind: ClusterKind): void {
    this.projectId = projectId;
    this.runId = runId;
    this.selection.set([]);
    this.load({ kind });
  }

  showKind(kind: ClusterKind): void {
    this.selection.set([]);
    this.load({ kind });
  }

  isSelected(clusterId: string): boolean {
    return this.selection().includes(clusterId);
  }

  toggle(clusterId: string): void {
    this.selection.update((ids) => (ids.includes(clusterId) ? ids.filter((id) => id !== clusterId) : [...ids, clusterId]));
  }

  clearSelection(): void {
    this.selection.set([]);
  }

  update(clusterId: string, request: UpdateClusterRequest): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.updateCluster(this.projectId, clusterId, request));
  }

  accept(clusterId: string): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.acceptCluster(this.projectId, clusterId));
  }

  discard(clusterId: string): Promise<Result<ClusterResponse>> {
    return this.apply(this.api.discardCluster(this.projectId, clusterId));
  }

  /** Merges the selected clusters into the first one selected; the others disappear from the board. */
  async mergeSelected(): Promise<Result<ClusterResponse>> {
    const [survivor, ...others] = this.selection();
    if (!survivor || others.length === 0) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.mergeClusters(this.projectId, survivor, { clusterIds: others }));
    if (result.ok) {
      this.selection.set([]);
      this.reload();
    }
    return result;
  }

  protected initialQuery(): ClusterListQuery {
    return { page: 1, pageSize: 50, sort: 'size', order: 'desc', kind: 'job' };
  }

  protected fetch(query: ClusterListQuery): Observable<Page<ClusterResponse>> {
    if (!this.runId) return of({ items: [], total: 0, page: 1, pageSize: query.pageSize ?? 50 });
    return this.api.listClusters(this.projectId, this.runId, query);
  }

  private async apply(request: Observable<ClusterResponse>): Promise<Result<ClusterResponse>> {
    const result = await toResult(request);
    if (result.ok) {
      this.setItems((items) => items.map((cluster) => (cluster.id === result.value.id ? result.value : cluster)));
    }
    return result;
  }
}
