import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateStageRequest,
  Page,
  ReorderStagesRequest,
  StageListQuery,
  StageResponse,
  UpdateStageRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class StagesApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: StageListQuery): Observable<Page<StageResponse>> {
    return this.http.get<Page<StageResponse>>(`/api/projects/${projectId}/stages`, { params: toHttpParams(query) });
  }

  create(projectId: string, request: CreateStageRequest): Observable<StageResponse> {
    return this.http.post<StageResponse>(`/api/projects/${projectId}/stages`, request);
  }

  update(projectId: string, stageId: string, request: UpdateStageRequest): Observable<StageResponse> {
    return this.http.patch<StageResponse>(`/api/projects/${projectId}/stages/${stageId}`, request);
  }

  remove(projectId: string, stageId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/stages/${stageId}`);
  }

  reorder(projectId: string, request: ReorderStagesRequest): Observable<StageResponse[]> {
    return this.http.put<StageResponse[]>(`/api/projects/${projectId}/stages/order`, request);
  }
}
