import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PublicSurveyResponse, SubmitAnswersRequest } from '@tropa/contracts';
import type { Observable } from 'rxjs';

/** The respondent's side: no account, only the survey behind the link's token. */
@Injectable({ providedIn: 'root' })
export class PublicSurveysApi {
  private readonly http = inject(HttpClient);

  get(token: string): Observable<PublicSurveyResponse> {
    return this.http.get<PublicSurveyResponse>(`/api/public/surveys/${encodeURIComponent(token)}`);
  }

  submit(token: string, request: SubmitAnswersRequest): Observable<void> {
    return this.http.post<void>(`/api/public/surveys/${encodeURIComponent(token)}/responses`, request);
  }
}
