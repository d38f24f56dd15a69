import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import type { PutStageMetricRequest, StageMetricResponse } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { KpisStore } from '../kpis/data-access/kpis-store';
import { StageMetricsStore } from '../kpis/data-access/stage-metrics-store';
import { EventsUpload } from '../kpis/ui/events-upload';
import { FunnelChart } from '../kpis/ui/funnel-chart';
import { HandoffTable } from '../kpis/ui/handoff-table';
import { KpiTable } from '../kpis/ui/kpi-table';
import { MetricForm } from '../kpis/ui/metric-form';
import { MetricList } from '../kpis/ui/metric-list';
import { RevenueModel } from '../kpis/ui/revenue-model';
import { canEditJourney } from '../recommendations/model/recommendation-view';

/** KPIs of the journey: the funnel, L·C·P·Q per stage, the revenue model with what-if, hand entry, the events file and channel hand-offs. */
@Component({
  selector: 'tropa-kpis-page',
  imports: [
    MatButtonModule,
    MatPaginatorModule,
    RouterLink,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    EventsUpload,
    FunnelChart,
    HandoffTable,
    KpiTable,
    MetricForm,
    MetricList,
    RevenueModel,
  ],
  providers: [KpisStore, StageMetricsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'kpis.title' | t }}</h2>
      <a mat-button [routerLink]="['..']" [queryParams]="personaQuery()" data-testid="journey-back">{{ 'kpis.backToMap' | t }}</a>
    </div>
    @if (personaId()) {
      <p class="tropa-muted" data-testid="persona-filter">{{ 'kpis.personaFilter' | t }}</p>
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.load()" />
    }
    @if (store.map()) {
      <section class="tropa-panel">
        <h3>{{ 'kpis.funnel.title' | t }}</h3>
        <tropa-funnel-chart [rows]="store.rows()" [drop]="store.drop()" />
      </section>

      <section class="tropa-panel">
        <h3>{{ 'kpis.table.title' | t }}</h3>
        <tropa-kpi-table [rows]="store.rows()" />
      </section>

      <section class="tropa-panel">
        <h3>{{ 'kpis.revenue.title' | t }}</h3>
        <tropa-revenue-model
          [rows]="store.rows()"
          [factors]="store.factors()"
          [revenue]="store.revenue()"
          [periodDays]="store.periodDays()"
          [whatIf]="store.whatIf()"
          (conversionChanged)="store.changeConversion($event.stageId, $event.conversion)"
          (resetRequested)="store.resetWhatIf()"
        />
      </section>

      <section class="tropa-panel">
        <h3>{{ 'kpis.metric.title' | t }}</h3>
        @if (canEdit()) {
          <tropa-metric-form [stages]="store.stages()" [serverError]="metricForm.error()" [saving]="metricForm.saving()" (submitted)="saveMetric($event)" />
        }
        @if (metricAction.error(); as actionError) {
          <tropa-error-banner [error]="actionError" [retryable]="false" />
        }
        @if (metrics.error(); as error) {
          <tropa-error-banner [error]="error" (retry)="metrics.reload()" />
        }
        @if (metrics.isEmpty()) {
          <p class="tropa-empty" data-testid="metrics-empty">{{ 'kpis.metric.empty' | t }}</p>
        } @else if (metrics.items().length > 0) {
          <tropa-metric-list [metrics]="metrics.items()" [stages]="store.stages()" [editable]="canEdit()" (remove)="removeMetric($event)" />
          @if (metrics.total() > (metrics.query().pageSize ?? 0)) {
            <mat-paginator
              [length]="metrics.total()"
              [pageIndex]="(metrics.query().page ?? 1) - 1"
              [pageSize]="metrics.query().pageSize"
              [pageSizeOptions]="[10, 25, 50, 100]"
              (page)="changeMetricsPage($event)"
            />
          }
        }
      </section>

      <section class="tropa-panel">
        <h3>{{ 'kpis.events.title' | t }}</h3>
        <tropa-events-upload
          [editable]="canEdit()"
          [uploading]="store.uploading()"
          [result]="store.eventsResult()"
          [error]="store.eventsError()"
          [problems]="store.eventProblems()"
          (fileChosen)="importEvents($event)"
        />
      </section>

      <section class="tropa-panel">
        <h3>{{ 'kpis.handoffs.title' | t }}</h3>
        <tropa-handoff-table [handoffs]="store.handoffs()" />
      </section>
    }
  `,
  styles: `
    section {
      margin-bottom: 16px;
    }
    h3 {
      margin-top: 0;
    }
  `,
})
export class KpisPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(KpisStore);
  protected readonly metrics = inject(StageMetricsStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** `?personaId=`: the map of one persona. */
  readonly personaId = input<string | undefined>(undefined);

  protected readonly canEdit = computed(() => canEditJourney(this.project.role()));
  protected readonly personaQuery = computed(() => (this.personaId() ? { personaId: this.personaId() } : {}));
  protected readonly metricForm = new Submission();
  protected readonly metricAction = new Submission();
  private readonly form = viewChild(MetricForm);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const personaId = this.personaId();
      untracked(() => {
        this.store.open(projectId, personaId ? { personaId } : {});
        this.metrics.open(projectId);
      });
    });
  }

  protected async saveMetric(request: PutStageMetricRequest): Promise<void> {
    const result = await this.metricForm.run(() => this.metrics.put(request));
    if (result.ok) {
      this.form()?.reset();
      this.store.load();
    }
  }

  protected async removeMetric(metric: StageMetricResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('kpis.metric.deleteTitle'),
      message: this.i18n.t('kpis.metric.deleteConfirm', { kpi: metric.kpi, period: metric.periodStart }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) return;
    const result = await this.metricAction.run(() => this.metrics.remove(metric.id));
    if (result.ok) this.store.load();
  }

  protected async importEvents(file: File): Promise<void> {
    await this.store.importEvents(file);
    if (this.store.eventsResult()) this.metrics.reload();
  }

  protected changeMetricsPage(event: PageEvent): void {
    this.metrics.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
