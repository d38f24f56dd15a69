import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { JobStore } from '../data-access/job-store';
import { SynthesisLookupsStore } from '../data-access/synthesis-lookups-store';
import { ClusterQuoteRow } from '../ui/cluster-quote-row';

/** A job to be done and its evidence: the quotes, each linked to its context. */
@Component({
  selector: 'tropa-job-page',
  imports: [MatPaginatorModule, RouterLink, TranslatePipe, ErrorBanner, LoadingIndicator, ClusterQuoteRow],
  providers: [JobStore, SynthesisLookupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a [routerLink]="['/projects', projectId(), 'synthesis', 'jobs']" class="back" data-testid="job-back">{{ 'synthesis.jobs.back' | t }}</a>
    @if (store.jobError(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (store.job(); as job) {
      <div class="tropa-page-header">
        <h2 data-testid="job-heading">{{ job.title }}</h2>
      </div>
      <p class="statement" data-testid="job-statement">{{ job.statement }}</p>
    }
    <h3>{{ 'synthesis.quotes.title' | t }} ({{ store.total() }})</h3>
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="job-quotes-empty">{{ 'synthesis.quotes.empty' | t }}</p>
    }
    @for (quote of store.items(); track quote.quoteId) {
      <tropa-cluster-quote-row [quote]="quote" [projectId]="projectId()" [stageName]="stageName(quote.stageId)" />
    }
    @if (store.total() > (store.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="store.total()"
        [pageIndex]="(store.query().page ?? 1) - 1"
        [pageSize]="store.query().pageSize"
        [pageSizeOptions]="[25, 50, 100]"
        (page)="changePage($event)"
      />
    }
  `,
  styles: `
    .back {
      color: var(--mat-sys-primary);
      display: inline-block;
      margin-bottom: 12px;
    }
    .statement {
      font-style: italic;
      white-space: pre-wrap;
    }
  `,
})
export class JobPage {
  protected readonly store = inject(JobStore);
  protected readonly lookups = inject(SynthesisLookupsStore);

  readonly projectId = input.required<string>();
  readonly jobId = input.required<string>();

  private readonly stageNames = computed(() => new Map(this.lookups.stages().map((stage) => [stage.id, stage.name])));

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const jobId = this.jobId();
      untracked(() => {
        void this.store.open(projectId, jobId);
        this.lookups.open(projectId);
      });
    });
  }

  protected stageName(stageId: string | null): string | null {
    return stageId ? (this.stageNames().get(stageId) ?? null) : null;
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
