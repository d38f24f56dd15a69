import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntryResponse, AuditListQuery, Page } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: AuditListQuery): Observable<Page<AuditEntryResponse>> {
    return this.http.get<Page<AuditEntryResponse>>(`/api/projects/${projectId}/audit`, { params: toHttpParams(query) });
  }
}
