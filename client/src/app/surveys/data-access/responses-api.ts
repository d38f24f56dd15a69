import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, ResponseListQuery, ResponseRecord, SurveySummaryResponse } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

export type ExportFormat = 'csv' | 'xlsx';

@Injectable({ providedIn: 'root' })
export class ResponsesApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, surveyId: string, query: ResponseListQuery): Observable<Page<ResponseRecord>> {
    return this.http.get<Page<ResponseRecord>>(`/api/projects/${projectId}/surveys/${surveyId}/responses`, {
      params: toHttpParams(query),
    });
  }

  get(projectId: string, surveyId: string, responseId: string): Observable<ResponseRecord> {
    return this.http.get<ResponseRecord>(`/api/projects/${projectId}/surveys/${surveyId}/responses/${responseId}`);
  }

  remove(projectId: string, surveyId: string, responseId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/surveys/${surveyId}/responses/${responseId}`);
  }

  summary(projectId: string, surveyId: string): Observable<SurveySummaryResponse> {
    return this.http.get<SurveySummaryResponse>(`/api/projects/${projectId}/surveys/${surveyId}/summary`);
  }

  /** A plain GET with the session cookie: the browser downloads the file. */
  exportUrl(projectId: string, surveyId: string, format: ExportFormat): string {
    return `/api/projects/${projectId}/surveys/${surveyId}/export?format=${format}`;
  }
}
