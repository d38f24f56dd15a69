import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { ApiError, CreateSurveyRequest, SurveyStatus } from '@tropa/contracts';
import { SURVEY_STATUSES } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SurveysStore } from '../data-access/surveys-store';
import { SurveyCreateForm } from '../ui/survey-create-form';
import { SurveyTable } from '../ui/survey-table';

/** The project's surveys: search, status filter, response counts; "New survey" for editors. */
@Component({
  selector: 'tropa-survey-list-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    SurveyTable,
    SurveyCreateForm,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [SurveysStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'surveys.title' | t }}</h2>
      @if (project.canEditContent() && !creating()) {
        <button mat-flat-button type="button" (click)="creating.set(true)" data-testid="survey-new">{{ 'surveys.new' | t }}</button>
      }
    </div>
    @if (creating()) {
      <section class="tropa-panel">
        <h3>{{ 'surveys.new' | t }}</h3>
        <tropa-survey-create-form
          [language]="project.project()?.language ?? 'ru'"
          [serverError]="createError()"
          [saving]="saving()"
          (submitted)="create($event)"
          (cancelled)="creating.set(false)"
        />
      </section>
    }
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'common.search' | t }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="surveys-search" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'surveys.status' | t }}</mat-label>
        <mat-select [value]="store.query().status ?? ''" (valueChange)="filterStatus($event)" data-testid="surveys-filter-status">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ labels.surveyStatus(status) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="surveys-empty">{{ (hasFilters() ? 'common.noMatches' : 'surveys.empty') | t }}</p>
    } @else if (store.items().length > 0) {
      <tropa-survey-table [surveys]="store.items()" />
    }
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
})
export class SurveyListPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveysStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly projectId = input.required<string>();

  protected readonly labels = labelKeys;
  protected readonly statuses = SURVEY_STATUSES;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly creating = signal(false);
  protected readonly saving = signal(false);
  protected readonly createError = signal<ApiError | null>(null);
  protected readonly hasFilters = computed(() => Boolean(this.store.query().q || this.store.query().status));

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.open(projectId));
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.store.load({ q: q.trim() || undefined }));
  }

  protected filterStatus(status: SurveyStatus | ''): void {
    this.store.load({ status: status || undefined });
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async create(request: CreateSurveyRequest): Promise<void> {
    this.createError.set(null);
    this.saving.set(true);
    const result = await this.store.create(request);
    this.saving.set(false);
    if (!result.ok) {
      this.createError.set(result.error);
      return;
    }
    await this.router.navigate([result.value.id, 'builder'], { relativeTo: this.route });
  }
}
