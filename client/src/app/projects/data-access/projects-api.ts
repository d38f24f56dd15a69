import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateProjectRequest,
  Page,
  ProjectListQuery,
  ProjectResponse,
  UpdateProjectRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';
import type { CreateDemoRequest, DemoProjectResponse } from './demo-project';

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(query: ProjectListQuery): Observable<Page<ProjectResponse>> {
    return this.http.get<Page<ProjectResponse>>('/api/projects', { params: toHttpParams(query) });
  }

  get(projectId: string): Observable<ProjectResponse> {
    return this.http.get<ProjectResponse>(`/api/projects/${projectId}`);
  }

  create(request: CreateProjectRequest): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>('/api/projects', request);
  }

  /** The demo project, filled with generated evidence; the answer holds the demo accounts' passwords once. */
  createDemo(request: CreateDemoRequest): Observable<DemoProjectResponse> {
    return this.http.post<DemoProjectResponse>('/api/projects/demo', request);
  }

  update(projectId: string, request: UpdateProjectRequest): Observable<ProjectResponse> {
    return this.http.patch<ProjectResponse>(`/api/projects/${projectId}`, request);
  }

  remove(projectId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}`);
  }
}
