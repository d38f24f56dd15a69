import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulkTagRequest,
  CreateQuoteRequest,
  Page,
  QuoteListQuery,
  QuoteResponse,
  UpdateQuoteRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

/** Quotes: transcript highlights and open survey answers, with their tags. */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string): string {
    return `/api/projects/${projectId}/quotes`;
  }

  list(projectId: string, query: QuoteListQuery): Observable<Page<QuoteResponse>> {
    return this.http.get<Page<QuoteResponse>>(this.base(projectId), { params: toHttpParams(query) });
  }

  /** A highlight: an exact span of one utterance, optionally tagged at once. */
  create(projectId: string, request: CreateQuoteRequest): Observable<QuoteResponse> {
    return this.http.post<QuoteResponse>(this.base(projectId), request);
  }

  update(projectId: string, quoteId: string, request: UpdateQuoteRequest): Observable<QuoteResponse> {
    return this.http.patch<QuoteResponse>(`${this.base(projectId)}/${quoteId}`, request);
  }

  remove(projectId: string, quoteId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/${quoteId}`);
  }

  applyTag(projectId: string, quoteId: string, tagId: string): Observable<QuoteResponse> {
    return this.http.post<QuoteResponse>(`${this.base(projectId)}/${quoteId}/tags`, { tagId });
  }

  removeTag(projectId: string, quoteId: string, tagId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/${quoteId}/tags/${tagId}`);
  }

  bulkTag(projectId: string, request: BulkTagRequest): Observable<{ quotes: number }> {
    return this.http.post<{ quotes: number }>(`${this.base(projectId)}/bulk-tags`, request);
  }
}
