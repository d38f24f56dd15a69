import { Injectable, inject } from '@angular/core';
import type { CreateSurveyRequest, Page, SurveyListItem, SurveyListQuery, SurveyResponse } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SurveysApi } from './surveys-api';

/** A project's surveys, newest changes first, searchable by title and filterable by status. */
@Injectable()
export class SurveysStore extends PagedListStore<SurveyListItem, SurveyListQuery> {
  private readonly api = inject(SurveysApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load();
  }

  protected initialQuery(): SurveyListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'updatedAt', order: 'desc' };
  }

  protected fetch(query: SurveyListQuery): Observable<Page<SurveyListItem>> {
    return this.api.list(this.projectId, query);
  }

  create(request: CreateSurveyRequest): Promise<Result<SurveyResponse>> {
    return toResult(this.api.create(this.projectId, request));
  }
}
