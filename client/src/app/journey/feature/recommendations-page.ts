import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import type { CreateRecommendationRequest, RecommendationResponse } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { RecommendationsStore } from '../recommendations/data-access/recommendations-store';
import { canEditJourney } from '../recommendations/model/recommendation-view';
import { RecommendationForm } from '../recommendations/ui/recommendation-form';
import { RecommendationList } from '../recommendations/ui/recommendation-list';

/** What to fix: recommendations tied to findings and the KPI they should move, by priority. */
@Component({
  selector: 'tropa-recommendations-page',
  imports: [MatButtonModule, MatPaginatorModule, RouterLink, TranslatePipe, ErrorBanner, LoadingIndicator, RecommendationForm, RecommendationList],
  providers: [RecommendationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'recommendations.title' | t }}</h2>
      <a mat-button [routerLink]="['..']" [queryParams]="personaQuery()" data-testid="journey-back">{{ 'kpis.backToMap' | t }}</a>
      <span class="tropa-spacer"></span>
      @if (canEdit() && !creating()) {
        <button mat-flat-button type="button" (click)="startCreate()" data-testid="recommendation-new">{{ 'recommendations.new' | t }}</button>
      }
    </div>
    @if (personaId()) {
      <p class="tropa-muted" data-testid="persona-filter">{{ 'kpis.personaFilter' | t }}</p>
    }
    @if (!canEdit() && project.role()) {
      <p class="tropa-muted" data-testid="recommendations-read-only">{{ 'recommendations.readOnly' | t }}</p>
    }
    @if (store.mapError(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.loadMap()" />
    }
    @if (creating()) {
      <section class="tropa-panel">
        <h3>{{ 'recommendations.new' | t }}</h3>
        <tropa-recommendation-form [map]="store.map()" [serverError]="form.error()" [saving]="form.saving()" (submitted)="save($event)" (cancelled)="stopEditing()" />
      </section>
    }
    @if (editing(); as recommendation) {
      <section class="tropa-panel">
        <h3>{{ 'recommendations.editTitle' | t }}</h3>
        <tropa-recommendation-form
          [recommendation]="recommendation"
          [map]="store.map()"
          [serverError]="form.error()"
          [saving]="form.saving()"
          (submitted)="save($event)"
          (cancelled)="stopEditing()"
        />
      </section>
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (action.error(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="recommendations-empty">{{ 'recommendations.empty' | t }}</p>
    }
    <tropa-recommendation-list
      [items]="store.items()"
      [stageNames]="store.stageNames()"
      [findings]="store.findingsById()"
      [editable]="canEdit()"
      (edit)="startEdit($event)"
      (remove)="remove($event)"
    />
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
    h3 {
      margin-top: 0;
    }
    section {
      margin-bottom: 16px;
    }
  `,
})
export class RecommendationsPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(RecommendationsStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** `?personaId=`: the map of one persona. */
  readonly personaId = input<string | undefined>(undefined);

  protected readonly canEdit = computed(() => canEditJourney(this.project.role()));
  protected readonly personaQuery = computed(() => (this.personaId() ? { personaId: this.personaId() } : {}));
  protected readonly creating = signal(false);
  protected readonly editing = signal<RecommendationResponse | null>(null);
  protected readonly form = new Submission();
  protected readonly action = new Submission();

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const personaId = this.personaId();
      untracked(() => this.store.open(projectId, personaId));
    });
  }

  protected startCreate(): void {
    this.form.error.set(null);
    this.editing.set(null);
    this.creating.set(true);
  }

  protected startEdit(recommendation: RecommendationResponse): void {
    this.form.error.set(null);
    this.creating.set(false);
    this.editing.set(recommendation);
  }

  protected stopEditing(): void {
    this.creating.set(false);
    this.editing.set(null);
  }

  protected async save(request: CreateRecommendationRequest): Promise<void> {
    const editing = this.editing();
    const result = await this.form.run(() => (editing ? this.store.update(editing.id, request) : this.store.create(request)));
    if (result.ok) this.stopEditing();
  }

  protected async remove(recommendation: RecommendationResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('recommendations.deleteTitle'),
      message: this.i18n.t('recommendations.deleteConfirm', { text: recommendation.text.slice(0, 80) }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) return;
    await this.action.run(() => this.store.remove(recommendation.id));
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
