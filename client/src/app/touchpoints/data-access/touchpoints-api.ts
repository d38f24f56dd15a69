import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateTouchpointRequest,
  Page,
  TouchpointListQuery,
  TouchpointResponse,
  UpdateTouchpointRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class TouchpointsApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: TouchpointListQuery): Observable<Page<TouchpointResponse>> {
    return this.http.get<Page<TouchpointResponse>>(`/api/projects/${projectId}/touchpoints`, {
      params: toHttpParams(query),
    });
  }

  create(projectId: string, request: CreateTouchpointRequest): Observable<TouchpointResponse> {
    return this.http.post<TouchpointResponse>(`/api/projects/${projectId}/touchpoints`, request);
  }

  update(projectId: string, touchpointId: string, request: UpdateTouchpointRequest): Observable<TouchpointResponse> {
    return this.http.patch<TouchpointResponse>(`/api/projects/${projectId}/touchpoints/${touchpointId}`, request);
  }

  remove(projectId: string, touchpointId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/touchpoints/${touchpointId}`);
  }
}
