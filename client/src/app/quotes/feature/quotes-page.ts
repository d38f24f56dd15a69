import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import type { QuoteSourceType } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { CodebookStore } from '../../codebook/data-access/codebook-store';
import { canCode } from '../../codebook/model/codebook-roles';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { QuoteFilterOptionsStore } from '../data-access/quote-filter-options-store';
import type { QuoteFilters } from '../data-access/quotes-store';
import { QuotesStore } from '../data-access/quotes-store';
import { quotePlace, toggleAll, toggleOne } from '../model/quote-links';
import { QuoteCard } from '../ui/quote-card';

const SOURCE_TYPES: readonly QuoteSourceType[] = ['transcript', 'survey_answer'];
const SENTIMENTS = [-2, -1, 0, 1, 2] as const;

/**
 * Every quote of the project — transcript highlights and open survey answers — searchable in
 * Russian and English, filtered by tag, stage, session, source, coder, sentiment and persona;
 * coders tag or untag a selection at once.
 */
@Component({
  selector: 'tropa-quotes-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    QuoteCard,
  ],
  providers: [QuotesStore, QuoteFilterOptionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.quotes' | t }}</h2>
      @if (store.status() === 'ready') {
        <span class="tropa-muted" data-testid="quotes-total">{{ 'quotes.total' | t: { n: store.total() } }}</span>
      }
    </div>

    <div class="search">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.search' | t }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="quote-search" />
        <mat-hint>{{ 'quotes.searchHint' | t }}</mat-hint>
      </mat-form-field>
    </div>

    <div class="tropa-filters" data-testid="quote-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterTag' | t }}</mat-label>
        <mat-select [value]="query().tagId ?? null" (valueChange)="filter({ tagId: $event ?? undefined })" data-testid="quote-filter-tag">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (row of codebook.rows(); track row.tag.id) {
            <mat-option [value]="row.tag.id">
              <span [style.padding-left.px]="row.depth * 16">{{ row.tag.name }}</span>
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterStage' | t }}</mat-label>
        <mat-select [value]="query().stageId ?? null" (valueChange)="filter({ stageId: $event ?? undefined })" data-testid="quote-filter-stage">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (stage of options.stages(); track stage.id) {
            <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterSession' | t }}</mat-label>
        <mat-select [value]="query().sessionId ?? null" (valueChange)="filter({ sessionId: $event ?? undefined })" data-testid="quote-filter-session">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (session of options.sessions(); track session.id) {
            <mat-option [value]="session.id">{{ session.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterSource' | t }}</mat-label>
        <mat-select [value]="query().sourceType ?? null" (valueChange)="filter({ sourceType: $event ?? undefined })" data-testid="quote-filter-source">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (sourceType of sourceTypes; track sourceType) {
            <mat-option [value]="sourceType">{{ sourceKey(sourceType) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterCoder' | t }}</mat-label>
        <mat-select [value]="query().appliedBy ?? null" (valueChange)="filter({ appliedBy: $event ?? undefined })" data-testid="quote-filter-coder">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (member of options.members(); track member.userId) {
            <mat-option [value]="member.userId">{{ member.displayName || member.email }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterSentiment' | t }}</mat-label>
        <mat-select [value]="query().sentiment ?? null" (valueChange)="filter({ sentiment: $event ?? undefined })" data-testid="quote-filter-sentiment">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (sentiment of sentiments; track sentiment) {
            <mat-option [value]="sentiment">{{ sentimentKey(sentiment) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'quotes.filterPersona' | t }}</mat-label>
        <mat-select [value]="query().personaId ?? null" (valueChange)="filter({ personaId: $event ?? undefined })" data-testid="quote-filter-persona">
          <mat-option [value]="null">{{ 'quotes.any' | t }}</mat-option>
          @for (persona of options.personas(); track persona.id) {
            <mat-option [value]="persona.id">{{ persona.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (hasFilters()) {
        <button mat-button type="button" (click)="clearFilters()" data-testid="quote-clear-filters">{{ 'quotes.clearFilters' | t }}</button>
      }
    </div>

    @if (options.error(); as optionsError) {
      <tropa-error-banner [error]="optionsError" (retry)="options.load(projectId())" />
    }
    @if (canCode() && store.items().length > 0) {
      <div class="bulk" data-testid="quote-bulk-bar">
        <mat-checkbox
          [checked]="pageSelected() === 'all'"
          [indeterminate]="pageSelected() === 'some'"
          (change)="selectPage()"
          data-testid="quote-select-page"
          >{{ 'quotes.selectPage' | t }}</mat-checkbox
        >
        @if (selected().size > 0) {
          <span data-testid="quote-selected-count">{{ 'quotes.selected' | t: { n: selected().size } }}</span>
          <mat-form-field subscriptSizing="dynamic" class="bulk-tag">
            <mat-label>{{ 'quotes.bulkTag' | t }}</mat-label>
            <mat-select [value]="bulkTagId()" (valueChange)="bulkTagId.set($event)" data-testid="quote-bulk-tag">
              @for (row of codebook.rows(); track row.tag.id) {
                <mat-option [value]="row.tag.id">
                  <span [style.padding-left.px]="row.depth * 16">{{ row.tag.name }}</span>
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-flat-button type="button" [disabled]="!bulkTagId() || bulk.saving()" (click)="bulkTag('apply')" data-testid="quote-bulk-apply">
            {{ 'quotes.apply' | t }}
          </button>
          <button mat-stroked-button type="button" [disabled]="!bulkTagId() || bulk.saving()" (click)="bulkTag('remove')" data-testid="quote-bulk-remove">
            {{ 'quotes.remove' | t }}
          </button>
          <button mat-button type="button" (click)="selected.set(emptySelection)">{{ 'quotes.clearSelection' | t }}</button>
        }
      </div>
    }
    @if (bulkResult(); as message) {
      <p class="tropa-panel notice" role="status" data-testid="quote-bulk-result">{{ message }}</p>
    }
    @if (bulk.error(); as bulkError) {
      <tropa-error-banner [error]="bulkError" [retryable]="false" />
    }

    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="quotes-empty">{{ (hasFilters() ? 'common.noMatches' : 'quotes.empty') | t }}</p>
    }
    <div class="list" data-testid="quote-list">
      @for (quote of store.items(); track quote.id) {
        <tropa-quote-card
          [quote]="quote"
          [tags]="codebook.byId()"
          [coders]="options.memberNames()"
          [unknownCoder]="'quotes.unknownCoder' | t"
          [place]="places().get(quote.id) ?? null"
          [selectable]="canCode()"
          [selected]="selected().has(quote.id)"
          (toggled)="toggleQuote($event)"
        />
      }
    </div>
    @if (store.total() > 0) {
      <mat-paginator
        [length]="store.total()"
        [pageIndex]="(query().page ?? 1) - 1"
        [pageSize]="query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
        data-testid="quote-paginator"
      />
    }
  `,
  styles: `
    .search mat-form-field {
      width: 100%;
      margin-bottom: 16px;
    }
    .tropa-filters mat-form-field {
      flex: 0 1 180px;
    }
    .bulk {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      padding: 8px 16px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .bulk-tag {
      flex: 0 1 240px;
    }
    .notice {
      margin: 0 0 16px;
    }
    .list {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class QuotesPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(QuotesStore);
  protected readonly options = inject(QuoteFilterOptionsStore);
  protected readonly codebook = inject(CodebookStore);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** `?tagId=` from a link (the codebook's usage count). */
  readonly tagId = input<string | undefined>(undefined);

  protected readonly sourceTypes = SOURCE_TYPES;
  protected readonly sentiments = SENTIMENTS;
  protected readonly emptySelection: ReadonlySet<string> = new Set();
  protected readonly query = this.store.query;
  protected readonly canCode = computed(() => canCode(this.project.role()));
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly bulkTagId = signal<string | null>(null);
  protected readonly bulk = new Submission();
  protected readonly bulkResult = signal<string | null>(null);
  protected readonly hasFilters = computed(() => {
    const query = this.query();
    return [query.q, query.tagId, query.stageId, query.sessionId, query.sourceType, query.appliedBy, query.sentiment, query.personaId].some(
      (value) => value !== undefined && value !== '',
    );
  });
  /** Where each quote of the page opens. */
  protected readonly places = computed(() => new Map(this.store.items().map((quote) => [quote.id, quotePlace(this.projectId(), quote)])));
  protected readonly pageSelected = computed((): 'none' | 'some' | 'all' => {
    const ids = this.store.items().map((quote) => quote.id);
    const count = ids.filter((id) => this.selected().has(id)).length;
    return count === 0 ? 'none' : count === ids.length ? 'all' : 'some';
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const tagId = this.tagId();
      untracked(() => {
        this.selected.set(new Set());
        this.store.open(projectId, { tagId: tagId || undefined });
        if (this.codebook.projectId() !== projectId || this.codebook.status() !== 'ready') {
          this.codebook.load(projectId);
        }
        this.options.load(projectId);
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(300),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((q) => this.filter({ q: q || undefined }));
  }

  protected sourceKey(sourceType: QuoteSourceType): MessageKey {
    return `quotes.source.${sourceType}`;
  }

  protected sentimentKey(sentiment: (typeof SENTIMENTS)[number]): MessageKey {
    return `quotes.sentiment.${sentiment}`;
  }


  /** A new filter starts at page 1 with nothing selected. */
  protected filter(patch: QuoteFilters): void {
    this.selected.set(new Set());
    this.bulkResult.set(null);
    this.store.load(patch);
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.filter({
      q: undefined,
      tagId: undefined,
      stageId: undefined,
      sessionId: undefined,
      sourceType: undefined,
      appliedBy: undefined,
      sentiment: undefined,
      personaId: undefined,
      surveyId: undefined,
      participantKey: undefined,
    });
  }

  protected changePage(event: PageEvent): void {
    this.selected.set(new Set());
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected toggleQuote(quoteId: string): void {
    this.selected.update((selected) => toggleOne(selected, quoteId));
  }

  protected selectPage(): void {
    const ids = this.store.items().map((quote) => quote.id);
    this.selected.update((selected) => toggleAll(selected, ids));
  }

  protected async bulkTag(action: 'apply' | 'remove'): Promise<void> {
    const tagId = this.bulkTagId();
    const quoteIds = [...this.selected()];
    if (!tagId || quoteIds.length === 0) {
      return;
    }
    this.bulkResult.set(null);
    const result = await this.bulk.run(() => this.store.bulkTag({ quoteIds, tagId, action }));
    if (result.ok) {
      const tag = this.codebook.byId().get(tagId)?.name ?? '';
      this.bulkResult.set(this.i18n.t(action === 'apply' ? 'quotes.applied' : 'quotes.removed', { tag, n: result.value.quotes }));
      this.selected.set(new Set());
      // Usage counts changed.
      this.codebook.reload();
    }
  }
}
