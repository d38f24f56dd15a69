import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { JobResponse, Page, PageQuery, RunImportRequest, RunImportResponse, SurveyImportResponse } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string, surveyId: string): string {
    return `/api/projects/${projectId}/surveys/${surveyId}/imports`;
  }

  upload(projectId: string, surveyId: string, file: File): Observable<SurveyImportResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<SurveyImportResponse>(this.base(projectId, surveyId), body);
  }

  list(projectId: string, surveyId: string, query: PageQuery): Observable<Page<SurveyImportResponse>> {
    return this.http.get<Page<SurveyImportResponse>>(this.base(projectId, surveyId), { params: toHttpParams(query) });
  }

  get(projectId: string, surveyId: string, importId: string): Observable<SurveyImportResponse> {
    return this.http.get<SurveyImportResponse>(`${this.base(projectId, surveyId)}/${importId}`);
  }

  run(projectId: string, surveyId: string, importId: string, request: RunImportRequest): Observable<RunImportResponse> {
    return this.http.post<RunImportResponse>(`${this.base(projectId, surveyId)}/${importId}/run`, request);
  }

  job(projectId: string, jobId: string): Observable<JobResponse> {
    return this.http.get<JobResponse>(`/api/projects/${projectId}/jobs/${jobId}`);
  }
}
