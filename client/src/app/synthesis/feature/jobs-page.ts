import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import type { ProjectJobResponse, UpdateProjectJobRequest } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { JobsStore } from '../data-access/jobs-store';
import { SynthesisLookupsStore } from '../data-access/synthesis-lookups-store';
import { JobCard } from '../ui/job-card';
import { SynthesisNav } from '../ui/synthesis-nav';

/** The jobs to be done: the job clusters people accepted, with their evidence. */
@Component({
  selector: 'tropa-jobs-page',
  imports: [MatPaginatorModule, TranslatePipe, ErrorBanner, LoadingIndicator, JobCard, SynthesisNav],
  providers: [JobsStore, SynthesisLookupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tropa-synthesis-nav [projectId]="projectId()" />
    <div class="tropa-page-header">
      <h2>{{ 'synthesis.nav.jobs' | t }}</h2>
    </div>
    @if (action.error(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="jobs-empty">{{ 'synthesis.jobs.empty' | t }}</p>
    }
    <div class="cards" data-testid="job-list">
      @for (job of store.items(); track job.id) {
        <tropa-job-card
          [job]="job"
          [stages]="lookups.stages()"
          [personas]="lookups.personaNames()"
          [editable]="project.canReview()"
          [busy]="action.saving()"
          (changed)="save(job, $event)"
        />
      }
    </div>
    @if (store.total() > (store.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="store.total()"
        [pageIndex]="(store.query().page ?? 1) - 1"
        [pageSize]="store.query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
      />
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(360px, 1fr));
      gap: 0 16px;
    }
  `,
})
export class JobsPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(JobsStore);
  protected readonly lookups = inject(SynthesisLookupsStore);

  readonly projectId = input.required<string>();

  protected readonly action = new Submission();

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => {
        this.store.open(projectId);
        this.lookups.open(projectId, true);
      });
    });
  }

  protected async save(job: ProjectJobResponse, request: UpdateProjectJobRequest): Promise<void> {
    await this.action.run(() => this.store.update(job.id, request));
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
