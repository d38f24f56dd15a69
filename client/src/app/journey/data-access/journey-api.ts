import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommentResponse,
  CreateCommentRequest,
  CreateMapNoteRequest,
  CreateRecommendationRequest,
  EvidenceQuery,
  EvidenceQuoteResponse,
  EventsImportResponse,
  FindingResponse,
  JourneyMapResponse,
  MapDiffResponse,
  MapNoteResponse,
  MapQuery,
  MapVersionListQuery,
  MapVersionResponse,
  Page,
  PageQuery,
  PutStageMetricRequest,
  RecommendationResponse,
  ReviewFindingRequest,
  StageMetricResponse,
  UpdateRecommendationRequest,
  WhatIfRequest,
  WhatIfResponse,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

export type MapExportFormat = 'csv' | 'md' | 'json' | 'pdf';

/**
 * The journey map of a project (one working map per persona filter, none = everyone):
 * findings by stage and lane with their evidence, review, notes, comments,
 * recommendations, KPIs, versions and exports.
 */
@Injectable({ providedIn: 'root' })
export class JourneyApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string): string {
    return `/api/projects/${projectId}/map`;
  }

  /** The working map (assembled on first read). */
  map(projectId: string, query: MapQuery): Observable<JourneyMapResponse> {
    return this.http.get<JourneyMapResponse>(this.base(projectId), { params: toHttpParams(query) });
  }

  /** Re-assembles from the evidence as it is now; people's decisions are kept (findings match by key). */
  assemble(projectId: string, query: MapQuery): Observable<JourneyMapResponse> {
    return this.http.post<JourneyMapResponse>(`${this.base(projectId)}/assemble`, {}, { params: toHttpParams(query) });
  }

  evidence(projectId: string, findingId: string, query: EvidenceQuery): Observable<Page<EvidenceQuoteResponse>> {
    return this.http.get<Page<EvidenceQuoteResponse>>(`${this.base(projectId)}/findings/${findingId}/evidence`, { params: toHttpParams(query) });
  }

  review(projectId: string, findingId: string, request: ReviewFindingRequest): Observable<FindingResponse> {
    return this.http.post<FindingResponse>(`${this.base(projectId)}/findings/${findingId}/review`, request);
  }

  comments(projectId: string, findingId: string, query: PageQuery): Observable<Page<CommentResponse>> {
    return this.http.get<Page<CommentResponse>>(`${this.base(projectId)}/findings/${findingId}/comments`, { params: toHttpParams(query) });
  }

  comment(projectId: string, findingId: string, request: CreateCommentRequest): Observable<CommentResponse> {
    return this.http.post<CommentResponse>(`${this.base(projectId)}/findings/${findingId}/comments`, request);
  }

  addNote(projectId: string, query: MapQuery, request: CreateMapNoteRequest): Observable<MapNoteResponse> {
    return this.http.post<MapNoteResponse>(`${this.base(projectId)}/notes`, request, { params: toHttpParams(query) });
  }

  removeNote(projectId: string, noteId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/notes/${noteId}`);
  }

  recommendations(projectId: string, query: MapQuery & PageQuery<'priority' | 'createdAt'>): Observable<Page<RecommendationResponse>> {
    return this.http.get<Page<RecommendationResponse>>(`${this.base(projectId)}/recommendations`, { params: toHttpParams(query) });
  }

  createRecommendation(projectId: string, query: MapQuery, request: CreateRecommendationRequest): Observable<RecommendationResponse> {
    return this.http.post<RecommendationResponse>(`${this.base(projectId)}/recommendations`, request, { params: toHttpParams(query) });
  }

  updateRecommendation(projectId: string, id: string, request: UpdateRecommendationRequest): Observable<RecommendationResponse> {
    return this.http.patch<RecommendationResponse>(`${this.base(projectId)}/recommendations/${id}`, request);
  }

  removeRecommendation(projectId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/recommendations/${id}`);
  }

  whatIf(projectId: string, request: WhatIfRequest): Observable<WhatIfResponse> {
    return this.http.post<WhatIfResponse>(`${this.base(projectId)}/what-if`, request);
  }

  metrics(projectId: string, query: PageQuery): Observable<Page<StageMetricResponse>> {
    return this.http.get<Page<StageMetricResponse>>(`/api/projects/${projectId}/metrics`, { params: toHttpParams(query) });
  }

  putMetric(projectId: string, request: PutStageMetricRequest): Observable<StageMetricResponse> {
    return this.http.put<StageMetricResponse>(`/api/projects/${projectId}/metrics`, request);
  }

  removeMetric(projectId: string, metricId: string): Observable<void> {
    return this.http.delete<void>(`/api/projects/${projectId}/metrics/${metricId}`);
  }

  /** An events file (CSV): customer, stage or touchpoint, time, amount. All rows or none. */
  importEvents(projectId: string, file: File): Observable<EventsImportResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EventsImportResponse>(`/api/projects/${projectId}/metrics/events`, body);
  }

  publish(projectId: string, query: MapQuery): Observable<MapVersionResponse> {
    return this.http.post<MapVersionResponse>(`${this.base(projectId)}/versions`, {}, { params: toHttpParams(query) });
  }

  versions(projectId: string, query: MapQuery & MapVersionListQuery): Observable<Page<MapVersionResponse>> {
    return this.http.get<Page<MapVersionResponse>>(`${this.base(projectId)}/versions`, { params: toHttpParams(query) });
  }

  /** A published version as it was (read-only). */
  version(projectId: string, versionId: string): Observable<JourneyMapResponse> {
    return this.http.get<JourneyMapResponse>(`${this.base(projectId)}/versions/${versionId}`);
  }

  /** `to` omitted: against the working map. */
  diff(projectId: string, from: string, to?: string): Observable<MapDiffResponse> {
    return this.http.get<MapDiffResponse>(`${this.base(projectId)}/diff`, { params: toHttpParams({ from, to }) });
  }

  /** Download link (a plain link: the browser streams it). */
  exportUrl(projectId: string, format: MapExportFormat, query: MapQuery & { versionId?: string }): string {
    const params = toHttpParams({ ...query, format }).toString();
    return `${this.base(projectId)}/export?${params}`;
  }
}
