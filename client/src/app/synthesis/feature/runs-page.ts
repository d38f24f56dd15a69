import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { RunsStore } from '../data-access/runs-store';
import { changeSummary, synthesisLabels } from '../model/run-status';
import { RunComparison } from '../ui/run-comparison';
import { SynthesisNav } from '../ui/synthesis-nav';

/** Every run of the project with its figures; tick two to see what changed between them. */
@Component({
  selector: 'tropa-runs-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatPaginatorModule,
    LocalDatePipe,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    RunComparison,
    SynthesisNav,
  ],
  providers: [RunsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tropa-synthesis-nav [projectId]="projectId()" />
    <div class="tropa-page-header">
      <h2>{{ 'synthesis.nav.runs' | t }}</h2>
      <span class="tropa-muted">{{ 'synthesis.runs.compareHint' | t }}</span>
      <button mat-flat-button type="button" [disabled]="!store.canCompare()" (click)="store.compare()" data-testid="runs-compare">
        {{ 'synthesis.runs.compare' | t }}
      </button>
    </div>
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="runs-empty">{{ 'synthesis.runs.empty' | t }}</p>
    } @else if (store.items().length > 0) {
      <div class="tropa-table-wrap">
        <table class="tropa-table" data-testid="runs-table">
          <thead>
            <tr>
              <th></th>
              <th>{{ 'synthesis.runs.started' | t }}</th>
              <th>{{ 'synthesis.runs.finished' | t }}</th>
              <th>{{ 'synthesis.runs.status' | t }}</th>
              <th>{{ 'synthesis.runs.quotes' | t }}</th>
              <th>{{ 'synthesis.runs.clusters' | t }}</th>
              <th>{{ 'synthesis.runs.changes' | t }}</th>
              <th>{{ 'synthesis.runs.engine' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (run of store.items(); track run.id) {
              <tr data-testid="run-row" [attr.data-run-id]="run.id" [attr.data-status]="run.status">
                <td>
                  <mat-checkbox
                    [checked]="store.pickedIds().includes(run.id)"
                    [disabled]="run.status !== 'succeeded'"
                    (change)="store.toggle(run)"
                    [aria-label]="'synthesis.runs.pick' | t"
                    data-testid="run-pick"
                  />
                </td>
                <td>{{ run.createdAt | localDate: true }}</td>
                <td>{{ (run.finishedAt | localDate: true) || '—' }}</td>
                <td data-testid="run-status">{{ labels.runStatus(run.status) | t }}</td>
                <td>{{ run.counts?.quotes ?? '—' }}</td>
                <td data-testid="run-clusters">
                  @if (run.counts; as counts) {
                    {{ counts.clusters }} ({{ counts.jobs }} / {{ counts.themes }} / {{ counts.touchpoints }})
                  } @else {
                    —
                  }
                </td>
                <td>
                  @for (entry of changes(run.changes); track entry.change) {
                    <span class="tropa-chip">{{ labels.change(entry.change) | t }}: {{ entry.count }}</span>
                  } @empty {
                    —
                  }
                </td>
                <td>{{ run.engineVersion ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
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
    }

    @if (store.comparisonError(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.compare()" />
    }
    @if (store.comparisonStatus() === 'loading') {
      <tropa-loading />
    }
    @if (store.comparison(); as comparison) {
      <section class="tropa-panel comparison">
        <h3>{{ 'synthesis.compare.title' | t }}</h3>
        <tropa-run-comparison [comparison]="comparison" />
      </section>
    }
  `,
  styles: `
    .comparison {
      margin-top: 16px;
    }
    h3 {
      margin-top: 0;
    }
  `,
})
export class RunsPage {
  protected readonly store = inject(RunsStore);

  readonly projectId = input.required<string>();

  protected readonly labels = synthesisLabels;
  protected readonly changes = changeSummary;

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.open(projectId));
    });
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
