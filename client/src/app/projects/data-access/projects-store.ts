import { Injectable, inject } from '@angular/core';
import type { CreateProjectRequest, Page, ProjectListQuery, ProjectResponse } from '@tropa/contracts';
import { DEFAULT_PAGE_SIZE } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import type { DemoProjectResponse } from './demo-project';
import { ProjectsApi } from './projects-api';

/** The signed-in user's projects, one page at a time, plus creating one. */
@Injectable()
export class ProjectsStore extends PagedListStore<ProjectResponse, ProjectListQuery> {
  private readonly api = inject(ProjectsApi);

  protected initialQuery(): ProjectListQuery {
    return { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'updatedAt', order: 'desc' };
  }

  protected fetch(query: ProjectListQuery): Observable<Page<ProjectResponse>> {
    return this.api.list(query);
  }

  async create(request: CreateProjectRequest): Promise<Result<ProjectResponse>> {
    const result = await toResult(this.api.create(request));
    if (result.ok) {
      this.setItems((items) => [result.value, ...items], 1);
    }
    return result;
  }

  /** Creates the demo project (takes some seconds on the server) and puts it first in the list. */
  async createDemo(): Promise<Result<DemoProjectResponse>> {
    const result = await toResult(this.api.createDemo({ roleUsers: true }));
    if (result.ok) {
      this.setItems((items) => [result.value.project, ...items], 1);
    }
    return result;
  }
}
