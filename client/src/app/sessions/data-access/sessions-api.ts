import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgreementResponse,
  CommitTranscriptPlan,
  CreateParticipantRequest,
  CreateSessionRequest,
  Page,
  PageQuery,
  ParticipantResponse,
  SessionListQuery,
  SessionResponse,
  SettleDisagreementRequest,
  TranscriptPreviewResponse,
  UpdateParticipantRequest,
  UpdateSessionRequest,
  UtteranceListQuery,
  UtteranceResponse,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string): string {
    return `/api/projects/${projectId}/sessions`;
  }

  list(projectId: string, query: SessionListQuery): Observable<Page<SessionResponse>> {
    return this.http.get<Page<SessionResponse>>(this.base(projectId), { params: toHttpParams(query) });
  }

  create(projectId: string, request: CreateSessionRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(this.base(projectId), request);
  }

  get(projectId: string, sessionId: string): Observable<SessionResponse> {
    return this.http.get<SessionResponse>(`${this.base(projectId)}/${sessionId}`);
  }

  update(projectId: string, sessionId: string, request: UpdateSessionRequest): Observable<SessionResponse> {
    return this.http.patch<SessionResponse>(`${this.base(projectId)}/${sessionId}`, request);
  }

  remove(projectId: string, sessionId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/${sessionId}`);
  }

  participants(projectId: string, sessionId: string, query: PageQuery): Observable<Page<ParticipantResponse>> {
    return this.http.get<Page<ParticipantResponse>>(`${this.base(projectId)}/${sessionId}/participants`, {
      params: toHttpParams(query),
    });
  }

  createParticipant(projectId: string, sessionId: string, request: CreateParticipantRequest): Observable<ParticipantResponse> {
    return this.http.post<ParticipantResponse>(`${this.base(projectId)}/${sessionId}/participants`, request);
  }

  updateParticipant(
    projectId: string,
    sessionId: string,
    participantId: string,
    request: UpdateParticipantRequest,
  ): Observable<ParticipantResponse> {
    return this.http.patch<ParticipantResponse>(`${this.base(projectId)}/${sessionId}/participants/${participantId}`, request);
  }

  removeParticipant(projectId: string, sessionId: string, participantId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/${sessionId}/participants/${participantId}`);
  }

  /** Parses the file; nothing is stored. */
  previewTranscript(projectId: string, sessionId: string, file: File): Observable<TranscriptPreviewResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<TranscriptPreviewResponse>(`${this.base(projectId)}/${sessionId}/transcript/preview`, body);
  }

  /** The same file again with the moderator's decisions as a JSON `plan` field. */
  commitTranscript(projectId: string, sessionId: string, file: File, plan: CommitTranscriptPlan): Observable<{ utterances: number }> {
    const body = new FormData();
    body.append('plan', JSON.stringify(plan));
    body.append('file', file, file.name);
    return this.http.post<{ utterances: number }>(`${this.base(projectId)}/${sessionId}/transcript`, body);
  }

  utterances(projectId: string, sessionId: string, query: UtteranceListQuery): Observable<Page<UtteranceResponse>> {
    return this.http.get<Page<UtteranceResponse>>(`${this.base(projectId)}/${sessionId}/utterances`, {
      params: toHttpParams(query),
    });
  }

  /** Percent agreement and Cohen's κ of two coders (user ids) over the session's utterances. */
  agreement(projectId: string, sessionId: string, coderA: string, coderB: string): Observable<AgreementResponse> {
    return this.http.get<AgreementResponse>(`${this.base(projectId)}/${sessionId}/agreement`, { params: toHttpParams({ coderA, coderB }) });
  }

  /** Keep or drop one tag on one utterance for both coders; the agreement comes back recomputed. */
  settle(projectId: string, sessionId: string, request: SettleDisagreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(`${this.base(projectId)}/${sessionId}/agreement/settle`, request);
  }
}
