import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import type { PageEvent } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { AuthStore } from '../../auth/data-access/auth-store';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { Submission } from '../../core/forms/submission';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import type { ProjectSort, SortOrder } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';
import { ProjectsStore } from '../data-access/projects-store';
import { DemoUsersDialog, type DemoUsersDialogData } from '../ui/demo-users-dialog';

interface SortOption {
  key: string;
  sort: ProjectSort;
  order: SortOrder;
  label: MessageKey;
}

const SORT_OPTIONS: readonly SortOption[] = [
  { key: 'updatedAt:desc', sort: 'updatedAt', order: 'desc', label: 'projects.sortUpdated' },
  { key: 'createdAt:desc', sort: 'createdAt', order: 'desc', label: 'projects.sortNewest' },
  { key: 'name:asc', sort: 'name', order: 'asc', label: 'projects.sortName' },
];

@Component({
  selector: 'tropa-project-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    TranslatePipe,
    LocalDatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [ProjectsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page">
      <div class="tropa-page-header">
        <h1>{{ 'projects.title' | t }}</h1>
        @if (auth.canCreateProjects()) {
          <span class="actions">
            @if (!store.isEmpty()) {
              <button mat-button type="button" [disabled]="demo.saving()" (click)="createDemo()" data-testid="create-demo-secondary">{{ 'demo.create' | t }}</button>
            }
            <a mat-flat-button routerLink="/projects/new" data-testid="new-project">{{ 'projects.new' | t }}</a>
          </span>
        }
      </div>
      @if (demo.saving()) {
        <div class="demo-progress" data-testid="demo-creating">
          <tropa-loading />
          <span>{{ 'demo.creating' | t }}</span>
        </div>
      }
      @if (demo.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="createDemo()" />
      }
      <div class="tropa-filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'common.search' | t }}</mat-label>
          <input matInput type="search" [formControl]="search" data-testid="projects-search" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'projects.sort' | t }}</mat-label>
          <mat-select [value]="sortKey()" (valueChange)="sortBy($event)" data-testid="projects-sort">
            @for (option of sortOptions; track option.key) {
              <mat-option [value]="option.key">{{ option.label | t }}</mat-option>
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
        <div class="tropa-empty" data-testid="projects-empty">
          @if (store.query().q) {
            {{ 'projects.noMatches' | t }}
          } @else {
            <p>{{ 'projects.empty' | t }}</p>
            @if (auth.canCreateProjects()) {
              <div class="empty-actions">
                <a mat-stroked-button routerLink="/projects/new">{{ 'projects.createFirst' | t }}</a>
                <button mat-flat-button type="button" [disabled]="demo.saving()" (click)="createDemo()" data-testid="create-demo">{{ 'demo.create' | t }}</button>
              </div>
              <p class="tropa-muted">{{ 'demo.emptyHint' | t }}</p>
            } @else {
              <p>{{ 'projects.emptyInvited' | t }}</p>
            }
          }
        </div>
      }
      <ul class="project-list" data-testid="project-list">
        @for (project of store.items(); track project.id) {
          <li>
            <a class="project-card" [routerLink]="['/projects', project.id]" [attr.data-testid]="'project-' + project.id">
              <span class="name" data-testid="project-card-name">{{ project.name }}</span>
              <span class="tropa-chip">{{ labels.role(project.myRole) | t }}</span>
              <span class="tropa-chip">{{ labels.language(project.language) | t }}</span>
              @if (project.description) {
                <span class="description tropa-muted">{{ project.description }}</span>
              }
              <span class="updated tropa-muted">{{ 'projects.updated' | t: { date: (project.updatedAt | localDate) } }}</span>
            </a>
          </li>
        }
      </ul>
      @if (store.total() > (store.query().pageSize ?? 0)) {
        <mat-paginator
          [length]="store.total()"
          [pageIndex]="(store.query().page ?? 1) - 1"
          [pageSize]="store.query().pageSize"
          [pageSizeOptions]="[10, 25, 50, 100]"
          (page)="changePage($event)"
        />
      }
    </div>
  `,
  styles: `
    .actions,
    .empty-actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .demo-progress {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 8px 0;
    }
    .project-list {
      list-style: none;
      padding: 0;
      margin: 16px 0;
      display: grid;
      gap: 12px;
    }
    .project-card {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      color: inherit;
      text-decoration: none;
    }
    .project-card:hover,
    .project-card:focus-visible {
      border-color: var(--mat-sys-primary);
    }
    .name {
      font-size: 1.15em;
      font-weight: 500;
      margin-right: 8px;
    }
    .description {
      flex: 1 1 100%;
      white-space: pre-line;
    }
    .updated {
      flex: 1 1 100%;
      font-size: 0.85em;
    }
  `,
})
export class ProjectListPage {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(ProjectsStore);
  protected readonly labels = labelKeys;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly sortKey = computed(() => `${this.store.query().sort}:${this.store.query().order}`);
  protected readonly demo = new Submission();
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  constructor() {
    this.store.load();
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.store.load({ q: q.trim() || undefined }));
  }

  /** Creates the demo project, shows its accounts' passwords once, then opens its journey map. */
  protected async createDemo(): Promise<void> {
    const result = await this.demo.run(() => this.store.createDemo());
    if (!result.ok) return;
    const { project, users } = result.value;
    const ref = this.dialog.open<DemoUsersDialog, DemoUsersDialogData, boolean>(DemoUsersDialog, {
      data: { projectName: project.name, users },
      width: '720px',
      maxWidth: '95vw',
      disableClose: true,
    });
    ref.afterClosed().subscribe(() => void this.router.navigate(['/projects', project.id, 'journey']));
  }

  protected sortBy(key: string): void {
    const option = SORT_OPTIONS.find((candidate) => candidate.key === key);
    if (option) {
      this.store.load({ sort: option.sort, order: option.order });
    }
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
