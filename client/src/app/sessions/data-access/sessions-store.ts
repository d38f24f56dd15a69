import { Injectable, inject } from '@angular/core';
import type { CreateSessionRequest, Page, SessionListQuery, SessionResponse } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SessionsApi } from './sessions-api';

/** The project's sessions: search, kind filter, newest first. */
@Injectable()
export class SessionsStore extends PagedListStore<SessionResponse, SessionListQuery> {
  private readonly api = inject(SessionsApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): SessionListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'createdAt', order: 'desc' };
  }

  protected fetch(query: SessionListQuery): Observable<Page<SessionResponse>> {
    return this.api.list(this.projectId, query);
  }

  async create(request: CreateSessionRequest): Promise<Result<SessionResponse>> {
    const result = await toResult(this.api.create(this.projectId, request));
    if (result.ok) {
      this.setItems((items) => [result.value, ...items], 1);
    }
    return result;
  }
}
