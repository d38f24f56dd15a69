import { Injectable, inject } from '@angular/core';
import type { BulkTagRequest, Page, QuoteListQuery, QuoteResponse } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { QuotesApi } from './quotes-api';

/** The filters of the quotes list (everything of the query but paging and sort). */
export type QuoteFilters = Omit<QuoteListQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'compare'>;

/** The project's quotes: full-text search, filters, newest first; bulk tagging of a selection. */
@Injectable()
export class QuotesStore extends PagedListStore<QuoteResponse, QuoteListQuery> {
  private readonly api = inject(QuotesApi);
  private projectId = '';

  /** Opens the list with filters (e.g. a tag from the codebook's usage link). */
  open(projectId: string, filters: QuoteFilters = {}): void {
    this.projectId = projectId;
    this.load({ ...filters, page: 1 });
  }

  protected initialQuery(): QuoteListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'createdAt', order: 'desc' };
  }

  protected fetch(query: QuoteListQuery): Observable<Page<QuoteResponse>> {
    return this.api.list(this.projectId, query);
  }

  /** Applies or removes one tag on the selected quotes, then reads the page again to show their tags. */
  async bulkTag(request: BulkTagRequest): Promise<Result<{ quotes: number }>> {
    const result = await toResult(this.api.bulkTag(this.projectId, request));
    if (result.ok) {
      this.reload();
    }
    return result;
  }
}
