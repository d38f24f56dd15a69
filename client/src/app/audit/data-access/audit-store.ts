import { Injectable, inject } from '@angular/core';
import type { AuditEntryResponse, AuditListQuery, Page } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { AuditApi } from './audit-api';

/** A project's audit log, newest first (owner only). */
@Injectable()
export class AuditStore extends PagedListStore<AuditEntryResponse, AuditListQuery> {
  private readonly api = inject(AuditApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): AuditListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'createdAt', order: 'desc' };
  }

  protected fetch(query: AuditListQuery): Observable<Page<AuditEntryResponse>> {
    return this.api.list(this.projectId, query);
  }
}
