import { Injectable, inject } from '@angular/core';
import type {
  CreateTouchpointRequest,
  Page,
  TouchpointListQuery,
  TouchpointResponse,
  UpdateTouchpointRequest,
} from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { TouchpointsApi } from './touchpoints-api';

/** The touchpoint inventory, filterable by stage, channel and online/offline. */
@Injectable()
export class TouchpointsStore extends PagedListStore<TouchpointResponse, TouchpointListQuery> {
  private readonly api = inject(TouchpointsApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): TouchpointListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'name', order: 'asc' };
  }

  protected fetch(query: TouchpointListQuery): Observable<Page<TouchpointResponse>> {
    return this.api.list(this.projectId, query);
  }

  async create(request: CreateTouchpointRequest): Promise<Result<TouchpointResponse>> {
    const result = await toResult(this.api.create(this.projectId, request));
    if (result.ok) {
      this.reload();
    }
    return result;
  }

  async update(touchpointId: string, request: UpdateTouchpointRequest): Promise<Result<TouchpointResponse>> {
    const result = await toResult(this.api.update(this.projectId, touchpointId, request));
    if (result.ok) {
      this.setItems((items) => items.map((touchpoint) => (touchpoint.id === touchpointId ? result.value : touchpoint)));
    }
    return result;
  }

  async remove(touchpointId: string): Promise<Result<void>> {
    const result = await toResult(this.api.remove(this.projectId, touchpointId));
    if (result.ok) {
      this.setItems((items) => items.filter((touchpoint) => touchpoint.id !== touchpointId), -1);
    }
    return result;
  }
}
