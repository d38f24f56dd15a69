import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CodebookFormat,
  CodebookImportReport,
  CreateTagRequest,
  Page,
  TagListQuery,
  TagResponse,
  UpdateTagRequest,
} from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/http-params';

/** The project's codebook: hierarchical tags, merge, REFI-QDA / CSV exchange. */
@Injectable({ providedIn: 'root' })
export class CodebookApi {
  private readonly http = inject(HttpClient);

  private base(projectId: string): string {
    return `/api/projects/${projectId}/tags`;
  }

  list(projectId: string, query: TagListQuery): Observable<Page<TagResponse>> {
    return this.http.get<Page<TagResponse>>(this.base(projectId), { params: toHttpParams(query) });
  }

  get(projectId: string, tagId: string): Observable<TagResponse> {
    return this.http.get<TagResponse>(`${this.base(projectId)}/${tagId}`);
  }

  create(projectId: string, request: CreateTagRequest): Observable<TagResponse> {
    return this.http.post<TagResponse>(this.base(projectId), request);
  }

  update(projectId: string, tagId: string, request: UpdateTagRequest): Observable<TagResponse> {
    return this.http.patch<TagResponse>(`${this.base(projectId)}/${tagId}`, request);
  }

  /** This tag's quotes follow `intoTagId`; this tag is deleted. */
  merge(projectId: string, tagId: string, intoTagId: string): Observable<TagResponse> {
    return this.http.post<TagResponse>(`${this.base(projectId)}/${tagId}/merge`, { intoTagId });
  }

  remove(projectId: string, tagId: string): Observable<void> {
    return this.http.delete<void>(`${this.base(projectId)}/${tagId}`);
  }

  /** The URL a browser downloads the codebook from (a plain link keeps memory flat). */
  exportUrl(projectId: string, format: CodebookFormat): string {
    return `${this.base(projectId)}/export?format=${format}`;
  }

  import(projectId: string, file: File): Observable<CodebookImportReport> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<CodebookImportReport>(`${this.base(projectId)}/import`, body);
  }
}
