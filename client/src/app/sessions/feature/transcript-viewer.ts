import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ApiError, MemberResponse, ParticipantResponse, QuoteResponse, TagResponse, UtteranceResponse } from '@tropa/contracts';
import { CodebookStore } from '../../codebook/data-access/codebook-store';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { CodingStore } from '../data-access/coding-store';
import { UtterancesStore } from '../data-access/utterances-store';
import type { HighlightContext, RowHighlight } from '../model/highlight-rows';
import { RowHighlightIndex } from '../model/highlight-rows';
import { tagForShortcut } from '../model/highlight-style';
import { selectionSpan } from '../model/selection-offsets';
import { HighlightPanel } from '../ui/highlight-panel';
import { TagPicker } from '../ui/tag-picker';
import { UtteranceRow } from '../ui/utterance-row';

const NO_HIGHLIGHTS: RowHighlight[] = [];
/** The element of a row that holds exactly the utterance text. */
const TEXT_SELECTOR = '[data-testid="utterance-text"]';
/** Keys typed here are text, not shortcuts. */
const TYPING_SELECTOR = 'input, textarea, select, [contenteditable="true"], [contenteditable=""], [role="listbox"], [role="combobox"], mat-select';
const FLASH_MS = 2000;

/** A selection the coder made in one utterance, waiting for a tag. */
interface PendingHighlight {
  utteranceId: string;
  start: number;
  end: number;
  text: string;
  /** Where the popover opens (viewport pixels, under the selection). */
  top: number;
  left: number;
}

/**
 * The transcript, read as it scrolls: the next 100 utterances load when the end of the list
 * comes near (an IntersectionObserver on a sentinel; a "Load more" button as well).
 *
 * Coding happens here too: select text in one utterance and pick a tag (or press its shortcut);
 * click a highlight to edit its tags and sentiment; jump between highlights with [ ] or j k.
 * All the session's highlights are loaded once and indexed by utterance; each row receives
 * only its own highlights (the same array while they do not change), so an edit re-renders
 * the row it touches and no other.
 */
@Component({
  selector: 'tropa-transcript-viewer',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatSlideToggleModule,
    UtteranceRow,
    TagPicker,
    HighlightPanel,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [UtterancesStore, CodingStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'handleKey($event)', '(document:mousedown)': 'closePopoverOutside($event)' },
  template: `
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'transcript.filter' | t }}</mat-label>
        <mat-select [value]="store.participantId() ?? ''" (valueChange)="store.filter($event || null)" data-testid="transcript-filter">
          <mat-option value="">{{ 'transcript.allSpeakers' | t }}</mat-option>
          @for (participant of participants(); track participant.id) {
            <mat-option [value]="participant.id">{{ participant.pseudonym }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'coding.tagFilter' | t }}</mat-label>
        <mat-select [value]="tagFilter() ?? ''" (valueChange)="filterByTag($event || null)" data-testid="transcript-tag-filter">
          <mat-option value="">{{ 'coding.allTags' | t }}</mat-option>
          @for (tag of usedTags(); track tag.id) {
            <mat-option [value]="tag.id" data-testid="transcript-tag-filter-option">{{ tag.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="tropa-muted" data-testid="transcript-shown">
        {{ 'transcript.shown' | t: { shown: store.items().length, total: store.total() } }}
      </span>
    </div>
    <div class="coding-bar">
      <span data-testid="highlight-count">{{ 'coding.highlightCount' | t: { count: coding.quotes().length } }}</span>
      <button mat-button type="button" (click)="jump(-1)" [disabled]="coding.quotes().length === 0" data-testid="highlight-prev">
        {{ 'coding.previous' | t }}
      </button>
      <button mat-button type="button" (click)="jump(1)" [disabled]="coding.quotes().length === 0" data-testid="highlight-next">
        {{ 'coding.next' | t }}
      </button>
      @if (blindCoding()) {
        <mat-slide-toggle [checked]="coding.compare()" (change)="coding.setCompare($event.checked)" data-testid="coding-compare">
          {{ 'coding.compare' | t }}
        </mat-slide-toggle>
      }
      @if (canCode()) {
        <span class="tropa-muted hint" data-testid="coding-hint">{{ 'coding.hint' | t }}</span>
      }
    </div>
    @if (blindCoding()) {
      <p class="tropa-muted" data-testid="coding-blind-note">{{ (coding.compare() ? 'coding.comparing' : 'coding.blindNote') | t }}</p>
    }
    @if (selectionProblem(); as problem) {
      <p class="problem" role="status" data-testid="selection-message">{{ problem | t }}</p>
    }
    @if (actionError(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    @if (coding.error(); as codingError) {
      <tropa-error-banner [error]="codingError" (retry)="coding.load()" />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.loadMore()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="transcript-empty">{{ 'transcript.empty' | t }}</p>
    }
    <div class="layout" [class.with-panel]="coding.selected() !== null">
      <div>
        <div class="transcript" role="list" data-testid="transcript" (mouseup)="captureSelection()" (keyup)="captureSelection()">
          @for (utterance of visibleItems(); track utterance.id) {
            <tropa-utterance-row
              role="listitem"
              [utterance]="utterance"
              [speaker]="speakerOf(utterance)"
              [highlights]="rowHighlights().get(utterance.id) ?? none"
              [selectedId]="selectedIn(utterance.id)"
              [flash]="flashId() === utterance.id"
              (highlightOpened)="openHighlight($event)"
            />
          }
        </div>
        @if (tagFilter() && visibleItems().length === 0 && !store.hasMore()) {
          <p class="tropa-empty" data-testid="transcript-tag-empty">{{ 'coding.noTaggedUtterances' | t }}</p>
        }
        <div #sentinel class="sentinel"></div>
        @if (store.status() === 'loading') {
          <tropa-loading />
        } @else if (store.hasMore() && store.status() === 'ready') {
          <button mat-button type="button" (click)="store.loadMore()" data-testid="transcript-load-more">{{ 'transcript.loadMore' | t }}</button>
        }
      </div>
      @if (coding.selected(); as quote) {
        <aside class="panel tropa-panel">
          <tropa-highlight-panel
            [quote]="quote"
            [tags]="codebook.byId()"
            [pickerRows]="codebook.rows()"
            [coders]="coderNames()"
            [me]="me()"
            [editable]="canCode()"
            [others]="coding.isOthers(quote)"
            (tagAdded)="applyTag(quote, $event)"
            (tagRemoved)="removeTag(quote, $event)"
            (sentimentChanged)="setSentiment(quote, $event)"
            (deleted)="deleteHighlight(quote)"
            (closed)="coding.select(null)"
          />
        </aside>
      }
    </div>
    @if (pending(); as selection) {
      <div
        class="popover mat-elevation-z4"
        role="dialog"
        [attr.aria-label]="'coding.newHighlight' | t"
        [style.top.px]="selection.top"
        [style.left.px]="selection.left"
        (keydown.escape)="dismissSelection()"
        data-testid="highlight-popover"
      >
        <p class="selected-text" data-testid="highlight-popover-text">“{{ selection.text }}”</p>
        <tropa-tag-picker [rows]="codebook.rows()" (picked)="createHighlight([$event.id])" />
        <div class="popover-actions">
          <button mat-button type="button" (click)="createHighlight([])" data-testid="highlight-create">{{ 'coding.highlightNoTag' | t }}</button>
          <button mat-button type="button" (click)="dismissSelection()" data-testid="highlight-cancel">{{ 'common.cancel' | t }}</button>
        </div>
      </div>
    }
  `,
  styles: `
    .transcript {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .sentinel {
      height: 1px;
    }
    .coding-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 8px 0;
    }
    .hint {
      font-size: 0.85em;
    }
    .problem {
      color: var(--mat-sys-error);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
    }
    .layout.with-panel {
      grid-template-columns: minmax(0, 1fr) 340px;
    }
    .panel {
      position: sticky;
      top: 8px;
      align-self: start;
      max-height: calc(100vh - 16px);
      overflow-y: auto;
    }
    .popover {
      position: fixed;
      z-index: 20;
      width: 300px;
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-lowest, #fff);
      color: var(--mat-sys-on-surface);
    }
    .selected-text {
      margin: 0 0 8px;
      max-height: 4.5em;
      overflow: hidden;
      font-style: italic;
    }
    .popover-actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 8px;
    }
    @media (max-width: 900px) {
      .layout.with-panel {
        grid-template-columns: minmax(0, 1fr);
      }
      .panel {
        position: static;
      }
    }
  `,
})
export class TranscriptViewer {
  protected readonly store = inject(UtterancesStore);
  protected readonly coding = inject(CodingStore);
  protected readonly codebook = inject(CodebookStore);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly projectId = input.required<string>();
  readonly sessionId = input.required<string>();
  readonly participants = input<ParticipantResponse[]>([]);
  /** The project's members: who applied each tag. */
  readonly members = input<MemberResponse[]>([]);
  /** The signed-in user's id. */
  readonly me = input<string | null>(null);
  /** Owners, researchers and moderators code; strategists read. */
  readonly canCode = input(false);
  readonly blindCoding = input(false);
  /** A deep link (`?utterance=`): scroll there and flash it. */
  readonly focusUtteranceId = input<string | null | undefined>(null);

  protected readonly none = NO_HIGHLIGHTS;
  protected readonly tagFilter = signal<string | null>(null);
  protected readonly pending = signal<PendingHighlight | null>(null);
  protected readonly selectionProblem = signal<'coding.oneUtterance' | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly flashId = signal<string | null>(null);

  private readonly sentinel = viewChild.required<ElementRef<HTMLElement>>('sentinel');
  /** The end of the list is near the viewport: keep loading while it stays there. */
  private readonly nearEnd = signal(false);
  private readonly pseudonyms = computed(() => new Map(this.participants().map((participant) => [participant.id, participant.pseudonym])));
  protected readonly coderNames = computed(() => new Map(this.members().map((member) => [member.userId, member.displayName])));
  private readonly rowIndex = new RowHighlightIndex();
  private readonly highlightContext = computed<HighlightContext>(() => {
    const names = this.coderNames();
    const mine = this.coding.mine();
    return {
      tags: this.codebook.byId(),
      coderName: (userId) => (userId ? (names.get(userId) ?? '—') : '—'),
      isOthers: (quote) => mine !== null && !mine.has(quote.id),
      untaggedLabel: this.i18n.t('coding.untagged'),
    };
  });
  protected readonly rowHighlights = computed(() => this.rowIndex.build(this.coding.byUtterance(), this.highlightContext()));

  /** Utterances carrying a highlight with the filter's tag. */
  private readonly taggedUtterances = computed(() => {
    const tagId = this.tagFilter();
    if (!tagId) {
      return null;
    }
    return new Set(
      this.coding
        .quotes()
        .filter((quote) => quote.tags.some((application) => application.tagId === tagId))
        .map((quote) => quote.utteranceId),
    );
  });
  protected readonly visibleItems = computed(() => {
    const tagged = this.taggedUtterances();
    const items = this.store.items();
    return tagged ? items.filter((utterance) => tagged.has(utterance.id)) : items;
  });
  /** Tags used in this session's highlights, for the tag filter. */
  protected readonly usedTags = computed(() => {
    const used = new Set(this.coding.quotes().flatMap((quote) => quote.tags.map((application) => application.tagId)));
    return this.codebook.tags().filter((tag) => used.has(tag.id));
  });
  /** The highlights of the shown utterances, in reading order: what [ and ] step through. */
  private readonly readingOrder = computed(() => {
    const byUtterance = this.coding.byUtterance();
    const tagId = this.tagFilter();
    return this.visibleItems().flatMap((utterance) =>
      (byUtterance.get(utterance.id) ?? []).filter((quote) => !tagId || quote.tags.some((application) => application.tagId === tagId)),
    );
  });
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private revealed: string | null = null;

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const sessionId = this.sessionId();
      const blind = this.blindCoding();
      const me = this.me();
      untracked(() => {
        this.store.open(projectId, sessionId);
        this.coding.open(projectId, sessionId, blind, me);
        // Tags may have been added on the codebook page since: refresh (the list stays while it loads).
        this.codebook.load(projectId);
      });
    });
    effect(() => {
      if (this.nearEnd() && this.store.status() === 'ready' && this.store.hasMore()) {
        untracked(() => this.store.loadMore());
      }
    });
    effect(() => {
      const target = this.focusUtteranceId();
      if (target && target !== this.revealed && this.store.status() === 'ready') {
        this.revealed = target;
        untracked(() => void this.reveal(target));
      }
    });
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.flashTimer !== null && clearTimeout(this.flashTimer));
    afterNextRender(() => {
      if (typeof IntersectionObserver === 'undefined') {
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => this.nearEnd.set(entries.some((entry) => entry.isIntersecting)),
        { rootMargin: '800px 0px' },
      );
      observer.observe(this.sentinel().nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected speakerOf(utterance: UtteranceResponse): string | null {
    return (utterance.participantId ? this.pseudonyms().get(utterance.participantId) : undefined) ?? utterance.speaker;
  }

  /** The open highlight's id for the row that holds it; null for every other row (their inputs stay the same). */
  protected selectedIn(utteranceId: string): string | null {
    const selected = this.coding.selected();
    return selected?.utteranceId === utteranceId ? selected.id : null;
  }

  protected filterByTag(tagId: string | null): void {
    this.tagFilter.set(tagId);
  }

  protected openHighlight(quoteId: string): void {
    this.pending.set(null);
    this.coding.select(quoteId);
  }

  /** After a mouse or keyboard selection in the transcript: a span of one utterance opens the popover. */
  protected captureSelection(): void {
    if (!this.canCode()) {
      return;
    }
    const selection = this.host.nativeElement.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      this.pending.set(null);
      this.selectionProblem.set(null);
      return;
    }
    const range = selection.getRangeAt(0);
    const span = selectionSpan(range, TEXT_SELECTOR);
    if (!span.ok) {
      this.pending.set(null);
      this.selectionProblem.set(span.reason === 'several' ? 'coding.oneUtterance' : null);
      return;
    }
    const utteranceId = span.root.closest('[data-utterance-id]')?.getAttribute('data-utterance-id');
    if (!utteranceId) {
      return;
    }
    const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
    const viewportWidth = this.host.nativeElement.ownerDocument.defaultView?.innerWidth ?? 1024;
    this.selectionProblem.set(null);
    this.pending.set({
      utteranceId,
      start: span.start,
      end: span.end,
      text: span.text,
      top: (rect?.bottom ?? 0) + 6,
      left: Math.max(8, Math.min(rect?.left ?? 0, viewportWidth - 316)),
    });
  }

  /** A press anywhere but the popover and the transcript (where a new selection starts) drops the pending selection. */
  protected closePopoverOutside(event: MouseEvent): void {
    const target = event.target;
    if (this.pending() && target instanceof Element && !target.closest('[data-testid="highlight-popover"], [data-testid="transcript"]')) {
      this.pending.set(null);
    }
  }

  protected dismissSelection(): void {
    this.pending.set(null);
    this.host.nativeElement.ownerDocument.getSelection()?.removeAllRanges();
  }

  protected async createHighlight(tagIds: string[]): Promise<void> {
    const pending = this.pending();
    if (!pending) {
      return;
    }
    this.actionError.set(null);
    this.dismissSelection();
    const result = await this.coding.createHighlight(pending.utteranceId, pending.start, pending.end, tagIds);
    if (result.ok) {
      this.coding.select(result.value.id);
    } else {
      this.actionError.set(result.error);
    }
  }

  protected async applyTag(quote: QuoteResponse, tag: TagResponse): Promise<void> {
    this.report(await this.coding.applyTag(quote.id, tag.id));
  }

  protected async removeTag(quote: QuoteResponse, tagId: string): Promise<void> {
    this.report(await this.coding.removeTag(quote.id, tagId));
  }

  protected async setSentiment(quote: QuoteResponse, sentiment: number | null): Promise<void> {
    this.report(await this.coding.setSentiment(quote.id, sentiment));
  }

  protected async deleteHighlight(quote: QuoteResponse): Promise<void> {
    this.report(await this.coding.remove(quote.id));
  }

  /**
   * Shortcuts, unless the reader is typing: a tag's key tags the selection (a new highlight at
   * once) or toggles the tag on the focused or open highlight; [ ] and j k step through highlights; Esc
   * closes the popover and the panel. A tag's key wins over j and k when both apply.
   */
  protected handleKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    const target = event.target;
    if (target instanceof Element && target.closest(TYPING_SELECTOR)) {
      return;
    }
    if (event.key === 'Escape') {
      this.pending.set(null);
      this.coding.select(null);
      return;
    }
    const tag = this.canCode() ? tagForShortcut(this.codebook.tags(), event.key) : null;
    if (tag) {
      if (this.pending()) {
        event.preventDefault();
        void this.createHighlight([tag.id]);
        return;
      }
      // The highlight under keyboard focus (Tab reaches every mark), else the open one.
      const focused = target instanceof Element ? target.closest('[data-quote-id]')?.getAttribute('data-quote-id') : null;
      const quoteId = focused ?? this.coding.selectedId();
      if (quoteId) {
        event.preventDefault();
        this.coding.select(quoteId);
        void this.toggleTag(quoteId, tag.id);
        return;
      }
    }
    if (event.key === ']' || event.key === 'j') {
      event.preventDefault();
      void this.jump(1);
    } else if (event.key === '[' || event.key === 'k') {
      event.preventDefault();
      void this.jump(-1);
    }
  }

  /**
   * The next or previous highlight in reading order; the next may lie beyond the utterances
   * loaded so far, so pages load until it turns up (only when some highlight is still unseen).
   */
  protected async jump(step: 1 | -1): Promise<void> {
    const currentId = this.coding.selectedId();
    const neighbour = (): QuoteResponse | undefined => {
      const order = this.readingOrder();
      const index = currentId ? order.findIndex((quote) => quote.id === currentId) : -1;
      if (step === 1) {
        return order[index + 1];
      }
      return index === -1 ? order.at(-1) : order[index - 1];
    };
    if (step === 1 && !neighbour()) {
      const loaded = new Set(this.store.items().map((utterance) => utterance.id));
      const tagId = this.tagFilter();
      const unseen = this.coding
        .quotes()
        .some((quote) => quote.utteranceId && !loaded.has(quote.utteranceId) && (!tagId || quote.tags.some((application) => application.tagId === tagId)));
      if (unseen) {
        await this.store.loadUntil(() => neighbour() !== undefined);
      }
    }
    const target = neighbour();
    if (!target?.utteranceId) {
      return;
    }
    this.pending.set(null);
    this.coding.select(target.id);
    this.scrollTo(target.utteranceId, target.id);
  }

  private async toggleTag(quoteId: string, tagId: string): Promise<void> {
    this.report(await this.coding.toggleTag(quoteId, tagId));
  }

  /** Deep link: load until the utterance is there, then bring it into view. */
  private async reveal(utteranceId: string): Promise<void> {
    this.tagFilter.set(null);
    const found = await this.store.loadUntil(() => this.store.items().some((utterance) => utterance.id === utteranceId));
    if (found) {
      this.scrollTo(utteranceId, null);
    }
  }

  private scrollTo(utteranceId: string, quoteId: string | null): void {
    this.flashId.set(utteranceId);
    if (this.flashTimer !== null) {
      clearTimeout(this.flashTimer);
    }
    this.flashTimer = setTimeout(() => this.flashId.set(null), FLASH_MS);
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const row = Array.from(root.querySelectorAll('[data-utterance-id]')).find((element) => element.getAttribute('data-utterance-id') === utteranceId);
        const mark = quoteId
          ? Array.from(row?.querySelectorAll<HTMLElement>('[data-quote-id]') ?? []).find((element) => element.getAttribute('data-quote-id') === quoteId)
          : undefined;
        (mark ?? row)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
        mark?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  private report(result: { ok: true } | { ok: false; error: ApiError }): void {
    this.actionError.set(result.ok ? null : result.error);
  }
}
