import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import type { ClusterResponse, UpdateClusterRequest } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { ClusterStore } from '../data-access/cluster-store';
import { SynthesisLookupsStore } from '../data-access/synthesis-lookups-store';
import { synthesisLabels } from '../model/run-status';
import { ClusterCard } from '../ui/cluster-card';
import { ClusterQuoteRow } from '../ui/cluster-quote-row';
import { StageBar } from '../ui/stage-bar';
import { stageSegments } from '../model/stage-bar';

/** One cluster with all its quotes: tick quotes to split them into a new cluster or move them to another. */
@Component({
  selector: 'tropa-cluster-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    RouterLink,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    ClusterCard,
    ClusterQuoteRow,
    StageBar,
  ],
  providers: [ClusterStore, SynthesisLookupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a [routerLink]="['/projects', projectId(), 'synthesis']" class="back" data-testid="cluster-back">{{ 'synthesis.cluster.back' | t }}</a>
    @if (store.cluster(); as cluster) {
      <div class="layout">
        <div class="summary">
          <tropa-cluster-card
            [cluster]="cluster"
            [stages]="lookups.stages()"
            [editable]="canWrite() && cluster.status !== 'merged'"
            [busy]="action.saving()"
            [openable]="false"
            (renamed)="update({ label: $event })"
            (statementChanged)="update({ statement: $event })"
            (accept)="accept()"
            (discard)="discard()"
          />
          <section class="tropa-panel stages">
            <h4>{{ 'synthesis.stageBar.label' | t }}</h4>
            <tropa-stage-bar [segments]="segments()" />
          </section>
        </div>

        <section class="quotes" data-testid="cluster-quotes">
          <div class="tropa-page-header">
            <h3>{{ 'synthesis.quotes.title' | t }} ({{ store.total() }})</h3>
          </div>
          @if (action.error(); as error) {
            <tropa-error-banner [error]="error" [retryable]="false" />
          }
          @if (notice(); as message) {
            <p class="notice" role="status" data-testid="cluster-notice">
              {{ message.text }}
              @if (message.clusterId) {
                <a [routerLink]="['/projects', projectId(), 'synthesis', 'clusters', message.clusterId]" data-testid="cluster-notice-open">{{
                  'synthesis.split.open' | t
                }}</a>
              }
            </p>
          }

          @if (canReorganise(cluster)) {
            <div class="tools tropa-panel" data-testid="cluster-tools">
              <span data-testid="cluster-selected-count">{{ 'synthesis.quotes.selected' | t: { count: store.selectedQuoteIds().length } }}</span>
              <form class="tool" (ngSubmit)="split()">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'synthesis.split.label' | t }}</mat-label>
                  <input
                    matInput
                    name="splitLabel"
                    [maxlength]="limits.name"
                    [ngModel]="splitLabel()"
                    (ngModelChange)="splitLabel.set($event)"
                    data-testid="cluster-split-label"
                  />
                </mat-form-field>
                <button mat-stroked-button type="submit" [disabled]="!store.hasSelection() || action.saving()" data-testid="cluster-split">
                  {{ 'synthesis.split.submit' | t }}
                </button>
              </form>
              <form class="tool" (ngSubmit)="move()">
                @if (store.targets().length > 0) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'synthesis.move.target' | t }}</mat-label>
                    <select
                      matNativeControl
                      name="target"
                      [ngModel]="moveTarget()"
                      (ngModelChange)="moveTarget.set($event)"
                      data-testid="cluster-move-target"
                    >
                      <option value=""></option>
                      @for (target of store.targets(); track target.id) {
                        <option [value]="target.id">{{ target.label }} · {{ labels.kindOne(target.kind) | t }}</option>
                      }
                    </select>
                  </mat-form-field>
                  <button
                    mat-stroked-button
                    type="submit"
                    [disabled]="!store.hasSelection() || !moveTarget() || action.saving()"
                    data-testid="cluster-move"
                  >
                    {{ 'synthesis.move.submit' | t }}
                  </button>
                } @else {
                  <span class="tropa-muted" data-testid="cluster-move-none">{{ 'synthesis.move.noTargets' | t }}</span>
                }
              </form>
            </div>
          }

          @if (store.error(); as error) {
            <tropa-error-banner [error]="error" (retry)="store.reload()" />
          }
          @if (store.status() === 'loading') {
            <tropa-loading />
          }
          @if (store.isEmpty()) {
            <p class="tropa-empty" data-testid="cluster-quotes-empty">{{ 'synthesis.quotes.empty' | t }}</p>
          }
          @for (quote of store.items(); track quote.quoteId) {
            <tropa-cluster-quote-row
              [quote]="quote"
              [projectId]="projectId()"
              [stageName]="stageName(quote.stageId)"
              [selectable]="canReorganise(cluster)"
              [selected]="store.selectedQuoteIds().includes(quote.quoteId)"
              (toggled)="store.toggle(quote.quoteId)"
            />
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
        </section>
      </div>
    } @else if (store.clusterError(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.open(projectId(), clusterId())" />
    } @else {
      <tropa-loading />
    }
  `,
  styles: `
    .back {
      color: var(--mat-sys-primary);
      display: inline-block;
      margin-bottom: 12px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(280px, 360px) 1fr;
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 800px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .stages {
      margin-top: 16px;
    }
    h4 {
      margin: 0 0 8px;
    }
    .tools {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .tool {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .notice a {
      margin-left: 8px;
      color: inherit;
    }
  `,
})
export class ClusterPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(ClusterStore);
  protected readonly lookups = inject(SynthesisLookupsStore);

  readonly projectId = input.required<string>();
  readonly clusterId = input.required<string>();

  protected readonly labels = synthesisLabels;
  protected readonly limits = TEXT_LIMITS;
  protected readonly canWrite = this.project.canReview;
  protected readonly action = new Submission();
  protected readonly splitLabel = signal('');
  protected readonly moveTarget = signal('');
  protected readonly notice = signal<{ text: string; clusterId: string | null } | null>(null);
  protected readonly segments = computed(() => {
    const cluster = this.store.cluster();
    return cluster ? stageSegments(cluster.stageDistribution, this.lookups.stages()) : [];
  });
  private readonly stageNames = computed(() => new Map(this.lookups.stages().map((stage) => [stage.id, stage.name])));
  private readonly i18n = inject(I18n);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const clusterId = this.clusterId();
      untracked(() => {
        this.notice.set(null);
        this.action.error.set(null);
        this.store.open(projectId, clusterId);
        this.lookups.open(projectId);
      });
    });
  }

  protected canReorganise(cluster: ClusterResponse): boolean {
    return this.canWrite() && cluster.status !== 'merged' && cluster.status !== 'discarded';
  }

  protected stageName(stageId: string | null): string | null {
    return stageId ? (this.stageNames().get(stageId) ?? null) : null;
  }

  protected async update(request: UpdateClusterRequest): Promise<void> {
    await this.action.run(() => this.store.update(request));
  }

  protected async accept(): Promise<void> {
    await this.action.run(() => this.store.accept());
  }

  protected async discard(): Promise<void> {
    await this.action.run(() => this.store.discard());
  }

  protected async split(): Promise<void> {
    this.notice.set(null);
    const result = await this.action.run(() => this.store.split(this.splitLabel()));
    if (result.ok) {
      this.splitLabel.set('');
      this.notice.set({ text: this.i18n.t('synthesis.split.done', { label: result.value.label }), clusterId: result.value.id });
    }
  }

  protected async move(): Promise<void> {
    const target = this.moveTarget();
    if (!target) return;
    this.notice.set(null);
    const result = await this.action.run(() => this.store.move(target));
    if (result.ok) {
      this.moveTarget.set('');
      this.notice.set({ text: this.i18n.t('synthesis.move.done', { count: result.value.moved }), clusterId: null });
    }
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
