import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateSurveyRequest,
  Page,
  SurveyListItem,
  SurveyListQuery,
  SurveyResponse,
  UpdateMappingsRequest,
  UpdateSurveyRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  list(projectId: string, query: SurveyListQuery): Observable<Page<SurveyListItem>> {
    return this.http.get<Page<SurveyListItem>>(`/api/projects/${projectId}/surveys`, { params: toHttpParams(query) });
  }

  get(projectId: string, surveyId: string): Observable<SurveyResponse> {
    return this.http.get<SurveyResponse>(`/api/projects/${projectId}/surveys/${surveyId}`);
  }

  create(projectId: string, request: CreateSurveyRequest): Observable<SurveyResponse> {
    return this.http.post<SurveyResponse>(`/api/projects/${projectId}/surveys`, request);
  }

  update(projectId: string, surveyId: string, request: UpdateSurveyRequest): Observable<SurveyResponse> {
    return this.http.patch<SurveyResponse>(`/api/projects/${projectId}/surveys/${surveyId}`, request);
  }

  remove(projectId: string, surveyId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/surveys/${surveyId}`);
  }

  updateMappings(projectId: string, surveyId: string, request: UpdateMappingsRequest): Observable<SurveyResponse> {
    return this.http.put<SurveyResponse>(`/api/projects/${projectId}/surveys/${surveyId}/mappings`, request);
  }
}
