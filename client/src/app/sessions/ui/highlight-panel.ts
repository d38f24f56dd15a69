import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { QuoteResponse, TagResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { TagPickerRow } from './tag-picker';
import { TagPicker } from './tag-picker';

/** Sentiment of a quote: -2 (very negative) .. +2 (very positive). */
const SENTIMENTS = [-2, -1, 0, 1, 2] as const;

/** One highlight opened: its text, its tags with who applied each, sentiment; a coder edits them. */
@Component({
  selector: 'tropa-highlight-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TagPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'complementary', 'data-testid': 'highlight-panel' },
  template: `
    <div class="head">
      <h4>{{ 'coding.highlight' | t }}</h4>
      <button mat-button type="button" (click)="closed.emit()" data-testid="highlight-panel-close">{{ 'common.close' | t }}</button>
    </div>
    <blockquote data-testid="highlight-panel-text">{{ quote().text }}</blockquote>
    @if (others()) {
      <p class="tropa-muted" data-testid="highlight-panel-others">{{ 'coding.othersHighlight' | t }}</p>
    }
    <ul class="chips" data-testid="highlight-panel-tags">
      @for (application of applications(); track application.tagId + application.appliedBy) {
        <li class="chip" data-testid="highlight-tag" [attr.data-tag-id]="application.tagId">
          <span class="swatch" [style.background]="application.color"></span>
          <span>{{ application.name }}</span>
          <span class="coder">· {{ application.coder }}</span>
          @if (editable() && application.mine) {
            <button
              type="button"
              class="remove"
              (click)="tagRemoved.emit(application.tagId)"
              [attr.aria-label]="'coding.removeTag' | t: { tag: application.name }"
              data-testid="highlight-tag-remove"
            >
              ×
            </button>
          }
        </li>
      } @empty {
        <li class="tropa-muted" data-testid="highlight-no-tags">{{ 'coding.noTagsYet' | t }}</li>
      }
    </ul>
    @if (editable()) {
      @if (adding()) {
        <tropa-tag-picker [rows]="pickerRows()" [applied]="mine()" (picked)="addTag($event)" />
      } @else {
        <button mat-stroked-button type="button" (click)="adding.set(true)" data-testid="highlight-add-tag">{{ 'coding.addTag' | t }}</button>
      }
      <mat-form-field subscriptSizing="dynamic" class="sentiment">
        <mat-label>{{ 'coding.sentiment' | t }}</mat-label>
        <mat-select [value]="quote().sentiment" (valueChange)="sentimentChanged.emit($event)" data-testid="highlight-sentiment">
          <mat-option [value]="null">{{ 'coding.sentimentNone' | t }}</mat-option>
          @for (value of sentiments; track value) {
            <mat-option [value]="value">{{ sentimentKey(value) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-button type="button" class="delete" (click)="deleted.emit()" data-testid="highlight-delete">{{ 'coding.deleteHighlight' | t }}</button>
    } @else if (quote().sentiment !== null) {
      <p data-testid="highlight-sentiment-value">{{ 'coding.sentiment' | t }}: {{ sentimentKey(quote().sentiment ?? 0) | t }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    h4 {
      margin: 0;
    }
    blockquote {
      margin: 0;
      padding-left: 12px;
      border-left: 3px solid var(--mat-sys-outline-variant);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .chips {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 8px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
    }
    .swatch {
      width: 10px;
      height: 10px;
      border-radius: 50%;
    }
    .coder {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
    .remove {
      border: none;
      background: none;
      cursor: pointer;
      font-size: 1.1em;
      color: inherit;
      padding: 0 2px;
    }
    .delete {
      align-self: flex-start;
      color: var(--mat-sys-error);
    }
  `,
})
export class HighlightPanel {
  readonly quote = input.required<QuoteResponse>();
  readonly tags = input<ReadonlyMap<string, TagResponse>>(new Map());
  readonly pickerRows = input<readonly TagPickerRow[]>([]);
  /** User id → display name. */
  readonly coders = input<ReadonlyMap<string, string>>(new Map());
  readonly me = input<string | null>(null);
  readonly editable = input(false);
  /** Another coder's highlight (blind coding, comparing). */
  readonly others = input(false);

  readonly tagAdded = output<TagResponse>();
  readonly tagRemoved = output<string>();
  readonly sentimentChanged = output<number | null>();
  readonly deleted = output<void>();
  readonly closed = output<void>();

  protected readonly sentiments = SENTIMENTS;
  /** The tag picker is open; it closes when another highlight opens. */
  protected readonly adding = linkedSignal({ source: () => this.quote().id, computation: () => false });

  protected readonly applications = computed(() =>
    this.quote().tags.map((application) => {
      const tag = this.tags().get(application.tagId);
      return {
        tagId: application.tagId,
        appliedBy: application.appliedBy ?? '',
        name: tag?.name ?? '?',
        color: tag?.color ?? '#9e9e9e',
        coder: (application.appliedBy && this.coders().get(application.appliedBy)) || '—',
        mine: application.appliedBy !== null && application.appliedBy === this.me(),
      };
    }),
  );
  protected readonly mine = computed(() => this.applications().filter((application) => application.mine).map((application) => application.tagId));

  protected sentimentKey(value: number): 'coding.sentiment-2' | 'coding.sentiment-1' | 'coding.sentiment0' | 'coding.sentiment1' | 'coding.sentiment2' {
    switch (value) {
      case -2:
        return 'coding.sentiment-2';
      case -1:
        return 'coding.sentiment-1';
      case 1:
        return 'coding.sentiment1';
      case 2:
        return 'coding.sentiment2';
      default:
        return 'coding.sentiment0';
    }
  }

  protected addTag(tag: TagResponse): void {
    this.adding.set(false);
    this.tagAdded.emit(tag);
  }
}
