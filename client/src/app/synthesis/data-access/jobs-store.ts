import { Injectable, inject } from '@angular/core';
import type { Page, ProjectJobListQuery, ProjectJobResponse, UpdateProjectJobRequest } from '@tropa/contracts';
import type { Observable } from 'rxjs';
import { PagedListStore } from '../../core/data-access/paged-list-store';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SynthesisApi } from './synthesis-api';

/** The project's jobs to be done: accepted job clusters, with their evidence. */
@Injectable()
export class JobsStore extends PagedListStore<ProjectJobResponse, ProjectJobListQuery> {
  private readonly api = inject(SynthesisApi);
  private projectId = '';

  open(projectId: string): void {
    this.projectId = projectId;
    this.load({ page: 1 });
  }

  async update(jobId: string, request: UpdateProjectJobRequest): Promise<Result<ProjectJobResponse>> {
    const result = await toResult(this.api.updateJob(this.projectId, jobId, request));
    if (result.ok) {
      this.setItems((items) => items.map((job) => (job.id === jobId ? result.value : job)));
    }
    return result;
  }

  protected initialQuery(): ProjectJobListQuery {
    return { page: 1, pageSize: 25, sort: 'quotes', order: 'desc' };
  }

  protected fetch(query: ProjectJobListQuery): Observable<Page<ProjectJobResponse>> {
    return this.api.listJobs(this.projectId, query);
  }
}
