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
import type { ApiError, CreateSessionRequest, MemberResponse, SessionKind } from '@tropa/contracts';
import { MAX_PAGE_SIZE, SESSION_KINDS } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { toResult } from '../../core/http/api-error';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { MembersApi } from '../../members/data-access/members-api';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SessionsStore } from '../data-access/sessions-store';
import { canWriteSessions } from '../model/session-roles';
import { SessionForm } from '../ui/session-form';
import { SessionTable } from '../ui/session-table';

/** The project's interviews and focus groups: search, kind filter, counts; "New session" for writers. */
@Component({
  selector: 'tropa-session-list-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    SessionTable,
    SessionForm,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [SessionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'sessions.title' | t }}</h2>
      @if (canWrite() && !creating()) {
        <button mat-flat-button type="button" (click)="creating.set(true)" data-testid="session-new">{{ 'sessions.new' | t }}</button>
      }
    </div>
    @if (creating()) {
      <section class="tropa-panel">
        <h3>{{ 'sessions.new' | t }}</h3>
        <tropa-session-form
          [members]="members()"
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
        <input matInput type="search" [formControl]="search" data-testid="sessions-search" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'sessions.kind' | t }}</mat-label>
        <mat-select [value]="store.query().kind ?? ''" (valueChange)="filterKind($event)" data-testid="sessions-filter-kind">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ labels.sessionKind(kind) | t }}</mat-option>
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
      <p class="tropa-empty" data-testid="sessions-empty">{{ (hasFilters() ? 'common.noMatches' : 'sessions.empty') | t }}</p>
    } @else if (store.items().length > 0) {
      <tropa-session-table [sessions]="store.items()" [members]="members()" />
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
export class SessionListPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SessionsStore);
  private readonly membersApi = inject(MembersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly projectId = input.required<string>();

  protected readonly labels = labelKeys;
  protected readonly kinds = SESSION_KINDS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly creating = signal(false);
  protected readonly saving = signal(false);
  protected readonly createError = signal<ApiError | null>(null);
  protected readonly members = signal<MemberResponse[]>([]);
  protected readonly canWrite = computed(() => canWriteSessions(this.project.role()));
  protected readonly hasFilters = computed(() => Boolean(this.store.query().q || this.store.query().kind));

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => {
        this.store.open(projectId);
        void this.loadMembers(projectId);
      });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.store.load({ q: q.trim() || undefined }));
  }

  /** Names in the table and the moderator choices of the form; the list still works without them. */
  private async loadMembers(projectId: string): Promise<void> {
    const result = await toResult(this.membersApi.list(projectId, { page: 1, pageSize: MAX_PAGE_SIZE }));
    this.members.set(result.ok ? result.value.items : []);
  }

  protected filterKind(kind: SessionKind | ''): void {
    this.store.load({ kind: kind || undefined });
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async create(request: CreateSessionRequest): Promise<void> {
    this.createError.set(null);
    this.saving.set(true);
    const result = await this.store.create(request);
    this.saving.set(false);
    if (!result.ok) {
      this.createError.set(result.error);
      return;
    }
    await this.router.navigate([result.value.id], { relativeTo: this.route });
  }
}
