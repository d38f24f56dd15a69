import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import type { ClusterKind, ClusterResponse, ClusterStatus, StartSynthesisRequest } from '@tropa/contracts';
import { CLUSTER_KINDS } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { ClusterBoardStore } from '../data-access/cluster-board-store';
import { SynthesisLookupsStore } from '../data-access/synthesis-lookups-store';
import { SynthesisRunStore } from '../data-access/synthesis-run-store';
import { synthesisLabels } from '../model/run-status';
import { ClusterCard } from '../ui/cluster-card';
import { RunPanel } from '../ui/run-panel';
import { SynthesisNav } from '../ui/synthesis-nav';
import { SynthesisStartForm } from '../ui/start-form';

const STATUS_FILTERS: readonly ClusterStatus[] = ['proposed', 'accepted', 'discarded', 'merged'];

/**
 * The synthesis tab: start a run (with options), watch its progress, and review the
 * clusters of the newest run with results, kind by kind.
 */
@Component({
  selector: 'tropa-synthesis-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    SynthesisNav,
    SynthesisStartForm,
    RunPanel,
    ClusterCard,
  ],
  providers: [SynthesisRunStore, ClusterBoardStore, SynthesisLookupsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tropa-synthesis-nav [projectId]="projectId()" />
    @if (!canRun()) {
      <p class="tropa-muted" data-testid="synthesis-read-only">{{ (canReview() ? 'synthesis.reviewOnly' : 'synthesis.readOnly') | t }}</p>
    }
    @if (runAction.error(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (runs.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="runs.reload()" />
    }

    @if (canRun() && runs.status() === 'ready' && !runs.active()) {
      <section class="start">
        <tropa-synthesis-start-form
          [personas]="lookups.personas()"
          [sessions]="lookups.sessions()"
          [surveys]="lookups.surveys()"
          [busy]="runAction.saving()"
          [again]="runs.latest() !== null"
          (optionsOpened)="lookups.loadSources()"
          (started)="start($event)"
        />
      </section>
    }

    @if (runs.latest(); as latest) {
      <tropa-run-panel
        [run]="latest"
        [editable]="canRun()"
        [busy]="runAction.saving()"
        (cancelRun)="cancel()"
        (retryRun)="retry()"
      />
    } @else if (runs.status() === 'ready') {
      <p class="tropa-empty" data-testid="synthesis-empty">{{ 'synthesis.empty' | t }}</p>
    } @else if (runs.status() === 'loading') {
      <tropa-loading />
    }

    @if (runs.reviewedRun(); as reviewed) {
      @if (reviewed.id !== latestId()) {
        <p class="tropa-muted" data-testid="synthesis-reviewing-older">{{ 'synthesis.run.reviewingOlder' | t }}</p>
      }
      <section class="board" data-testid="synthesis-board" [attr.data-run-id]="reviewed.id">
        <div class="tropa-filters">
          <mat-button-toggle-group
            [value]="kind()"
            (change)="showKind($event.value)"
            hideSingleSelectionIndicator
            data-testid="synthesis-kind"
          >
            @for (option of kinds; track option) {
              <mat-button-toggle [value]="option" [attr.data-testid]="'synthesis-kind-' + option">{{ labels.kind(option) | t }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.status' | t }}</mat-label>
            <select matNativeControl [value]="board.query().status ?? ''" (change)="filterStatus($event)" data-testid="synthesis-status-filter">
              <option value="">{{ 'common.all' | t }}</option>
              @for (status of statuses; track status) {
                <option [value]="status">{{ labels.clusterStatus(status) | t }}</option>
              }
            </select>
          </mat-form-field>
        </div>

        @if (canReview()) {
          <div class="tropa-actions merge-bar" data-testid="synthesis-merge-bar">
            <span class="tropa-muted">{{ 'synthesis.board.mergeHint' | t }}</span>
            <span class="tropa-spacer"></span>
            @if (board.selectedIds().length > 0) {
              <button mat-button type="button" (click)="board.clearSelection()" data-testid="cluster-clear-selection">
                {{ 'synthesis.board.clearSelection' | t }}
              </button>
            }
            <button
              mat-flat-button
              type="button"
              [disabled]="!board.canMerge() || action.saving()"
              (click)="mergeSelected()"
              data-testid="cluster-merge"
            >
              {{ 'synthesis.board.merge' | t: { count: board.selectedIds().length } }}
            </button>
          </div>
        }

        @if (action.error(); as error) {
          <tropa-error-banner [error]="error" [retryable]="false" />
        }
        @if (board.error(); as error) {
          <tropa-error-banner [error]="error" (retry)="board.reload()" />
        }
        @if (board.status() === 'loading') {
          <tropa-loading />
        }
        @if (board.isEmpty()) {
          <p class="tropa-empty" data-testid="synthesis-board-empty">{{ 'synthesis.board.empty' | t }}</p>
        }
        <div class="cards" data-testid="cluster-list">
          @for (cluster of board.items(); track cluster.id) {
            <tropa-cluster-card
              [cluster]="cluster"
              [stages]="lookups.stages()"
              [editable]="canReview() && cluster.status !== 'merged'"
              [selectable]="canReview() && cluster.status !== 'merged' && cluster.status !== 'discarded'"
              [selected]="board.selectedIds().includes(cluster.id)"
              [busy]="action.saving()"
              (renamed)="update(cluster, { label: $event })"
              (statementChanged)="update(cluster, { statement: $event })"
              (accept)="accept(cluster)"
              (discard)="discard(cluster)"
              (toggleSelected)="board.toggle(cluster.id)"
            />
          }
        </div>
        @if (board.total() > (board.query().pageSize ?? 0)) {
          <mat-paginator
            [length]="board.total()"
            [pageIndex]="(board.query().page ?? 1) - 1"
            [pageSize]="board.query().pageSize"
            [pageSizeOptions]="[25, 50, 100]"
            (page)="changePage($event)"
          />
        }
      </section>
    } @else if (runs.latest()) {
      <p class="tropa-muted" data-testid="synthesis-no-results">{{ 'synthesis.run.noResults' | t }}</p>
    }
  `,
  styles: `
    .start {
      margin-bottom: 16px;
    }
    .board {
      margin-top: 8px;
    }
    .merge-bar {
      margin-bottom: 12px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      gap: 16px;
    }
  `,
})
export class SynthesisPage {
  protected readonly project = inject(ProjectStore);
  protected readonly runs = inject(SynthesisRunStore);
  protected readonly board = inject(ClusterBoardStore);
  protected readonly lookups = inject(SynthesisLookupsStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();

  protected readonly labels = synthesisLabels;
  protected readonly kinds = CLUSTER_KINDS;
  protected readonly statuses = STATUS_FILTERS;
  /** Starting, cancelling and retrying runs. */
  protected readonly canRun = this.project.canEditContent;
  /** Reviewing the clusters. */
  protected readonly canReview = this.project.canReview;
  protected readonly kind = signal<ClusterKind>('job');
  /** Starting, cancelling or retrying a run. */
  protected readonly runAction = new Submission();
  /** Review actions on the cards. */
  protected readonly action = new Submission();
  private readonly reviewedRunId = computed(() => this.runs.reviewedRunId());
  protected readonly latestId = computed(() => this.runs.latest()?.id ?? null);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => {
        this.runs.open(projectId);
        this.lookups.open(projectId);
      });
    });
    effect(() => {
      const runId = this.reviewedRunId();
      if (!runId) return;
      untracked(() => this.board.open(this.projectId(), runId, this.kind()));
    });
  }

  protected async start(request: StartSynthesisRequest): Promise<void> {
    await this.runAction.run(() => this.runs.start(request));
  }

  protected async cancel(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('synthesis.cancelTitle'),
      message: this.i18n.t('synthesis.cancelConfirm'),
      confirmLabel: this.i18n.t('synthesis.cancel'),
    });
    if (!confirmed) return;
    await this.runAction.run(() => this.runs.cancel());
  }

  protected async retry(): Promise<void> {
    await this.runAction.run(() => this.runs.retry());
  }

  protected showKind(kind: ClusterKind): void {
    this.kind.set(kind);
    this.action.error.set(null);
    this.board.showKind(kind);
  }

  protected filterStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as ClusterStatus | '';
    this.board.clearSelection();
    this.board.load({ status: value || undefined });
  }

  protected async update(cluster: ClusterResponse, request: { label?: string; statement?: string | null }): Promise<void> {
    await this.action.run(() => this.board.update(cluster.id, request));
  }

  protected async accept(cluster: ClusterResponse): Promise<void> {
    await this.action.run(() => this.board.accept(cluster.id));
  }

  protected async discard(cluster: ClusterResponse): Promise<void> {
    await this.action.run(() => this.board.discard(cluster.id));
  }

  protected async mergeSelected(): Promise<void> {
    const [survivorId, ...others] = this.board.selectedIds();
    const survivor = this.board.items().find((cluster) => cluster.id === survivorId);
    if (!survivor || others.length === 0) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('synthesis.board.mergeTitle'),
      message: this.i18n.t('synthesis.board.mergeConfirm', { count: others.length, label: survivor.label }),
      confirmLabel: this.i18n.t('synthesis.board.merge', { count: others.length + 1 }),
    });
    if (!confirmed) return;
    await this.action.run(() => this.board.mergeSelected());
  }

  protected changePage(event: PageEvent): void {
    this.board.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
