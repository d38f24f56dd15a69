import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ErasureResponse } from '@tropa/contracts';
import type { Observable } from 'rxjs';

/** Erasure of a session participant or a survey respondent (owners and researchers). */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  eraseParticipant(projectId: string, sessionId: string, participantId: string): Observable<ErasureResponse> {
    return this.http.post<ErasureResponse>(`/api/projects/${projectId}/sessions/${sessionId}/participants/${participantId}/erase`, {});
  }

  eraseRespondent(projectId: string, surveyId: string, responseId: string): Observable<ErasureResponse> {
    return this.http.post<ErasureResponse>(`/api/projects/${projectId}/surveys/${surveyId}/responses/${responseId}/erase`, {});
  }
}
