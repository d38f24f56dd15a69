import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, ProjectResponse, UpdateProjectRequest } from '@tropa/contracts';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { CONTENT_EDITORS, hasRole, REVIEWERS } from '../model/roles';
import { ProjectsApi } from './projects-api';

interface ProjectState {
  status: LoadStatus;
  project: ProjectResponse | null;
  error: ApiError | null;
}


/** The open project and what the caller's role lets them do in it (the server enforces it too). */
@Injectable()
export class ProjectStore {
  private readonly api = inject(ProjectsApi);
  private readonly state = signal<ProjectState>({ status: 'idle', project: null, error: null });
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly project = computed(() => this.state().project);
  readonly error = computed(() => this.state().error);
  readonly role = computed(() => this.state().project?.myRole ?? null);
  readonly isOwner = computed(() => this.role() === 'owner');
  /** Stages, personas and touchpoints. */
  readonly canEditContent = computed(() => hasRole(this.role(), CONTENT_EDITORS));
  /** Clusters, jobs and the journey map. */
  readonly canReview = computed(() => hasRole(this.role(), REVIEWERS));

  load(projectId: string): void {
    if (this.state().project?.id !== projectId) {
      this.state.set({ status: 'loading', project: null, error: null });
    } else {
      this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    }
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.get(projectId).subscribe({
      next: (project) => this.state.set({ status: 'ready', project, error: null }),
      error: (error: unknown) => this.state.set({ status: 'error', project: null, error: toApiError(error) }),
    });
  }

  async update(request: UpdateProjectRequest): Promise<Result<ProjectResponse>> {
    const project = this.state().project;
    if (!project) {
      return { ok: false, error: { statusCode: 0, error: 'Error', message: '' } };
    }
    const result = await toResult(this.api.update(project.id, request));
    if (result.ok) {
      this.state.update((state) => ({ ...state, project: result.value }));
    }
    return result;
  }

  async remove(): Promise<Result<void>> {
    const project = this.state().project;
    if (!project) {
      return { ok: false, error: { statusCode: 0, error: 'Error', message: '' } };
    }
    return toResult(this.api.remove(project.id));
  }
}
