import { Injectable, computed, inject } from '@angular/core';
import type {
  CreateStageRequest,
  Page,
  StageListQuery,
  StageResponse,
  UpdateStageRequest,
} from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { StagesApi } from './stages-api';

function byPosition(a: StageResponse, b: StageResponse): number {
  return a.position - b.position;
}

/**
 * A project's stages in journey order. A project has a handful of stages, so the store
 * holds the first (largest) page; reordering needs every id and is offered only when
 * all stages are loaded.
 */
@Injectable()
export class StagesStore extends PagedListStore<StageResponse, StageListQuery> {
  private readonly api = inject(StagesApi);
  private projectId = '';
  private reorderQueue: Promise<unknown> = Promise.resolve();
  private reorderSequence = 0;

  readonly canReorder = computed(() => this.status() === 'ready' && this.items().length === this.total());

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): StageListQuery {
    return { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'position', order: 'asc' };
  }

  protected fetch(query: StageListQuery): Observable<Page<StageResponse>> {
    return this.api.list(this.projectId, query);
  }

  async create(request: CreateStageRequest): Promise<Result<StageResponse>> {
    const result = await toResult(this.api.create(this.projectId, request));
    if (result.ok) {
      // An insert may shift the positions of the stages after it: take the server's order.
      this.reload();
    }
    return result;
  }

  async update(stageId: string, request: UpdateStageRequest): Promise<Result<StageResponse>> {
    const result = await toResult(this.api.update(this.projectId, stageId, request));
    if (result.ok) {
      this.setItems((items) => items.map((stage) => (stage.id === stageId ? result.value : stage)));
    }
    return result;
  }

  async remove(stageId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, stageId));
    if (result.ok) {
      this.setItems(
        (items) =>
          items
            .filter((stage) => stage.id !== stageId)
            .sort(byPosition)
            .map((stage, index) => ({ ...stage, position: index })),
        -1,
      );
    }
    return result;
  }

  /**
   * Shows the new order at once and saves it. Reorders are sent one after another (two
   * quick drags must not race on the server); only the latest answer updates the list,
   * and if it fails the list goes back to the order before that move.
   */
  async reorder(stageIds: string[]): Promise<Result<StageResponse[]>> {
    const previous = this.items();
    const byId = new Map(previous.map((stage) => [stage.id, stage]));
    const optimistic = stageIds
      .map((id) => byId.get(id))
      .filter((stage): stage is StageResponse => stage !== undefined)
      .map((stage, position) => ({ ...stage, position }));
    this.setItems(() => optimistic);
    const sequence = ++this.reorderSequence;
    const request = this.reorderQueue.then(() => toResult(this.api.reorder(this.projectId, { stageIds })));
    this.reorderQueue = request;
    const result = await request;
    if (sequence === this.reorderSequence) {
      this.setItems(() => (result.ok ? [...result.value].sort(byPosition) : previous));
    }
    return result;
  }
}
