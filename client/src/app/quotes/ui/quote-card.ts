import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { QuoteResponse, TagResponse } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { QuotePlace } from '../model/quote-links';
import { groupTagApplications } from '../model/quote-tags';

/** One quote: its words, where it comes from (a link to that place), its tags with their coders, its sentiment. */
@Component({
  selector: 'tropa-quote-card',
  imports: [MatCheckboxModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="quote" data-testid="quote-row" [attr.data-quote-id]="quote().id">
      @if (selectable()) {
        <mat-checkbox
          class="select"
          [checked]="selected()"
          (change)="toggled.emit(quote().id)"
          [aria-label]="'quotes.select' | t"
          data-testid="quote-select"
        />
      }
      <div class="body">
        <blockquote data-testid="quote-text">{{ quote().text }}</blockquote>
        <div class="source tropa-muted" data-testid="quote-source">
          <span class="tropa-chip">{{ sourceKey() | t }}</span>
          @if (quote().sourceTitle) {
            <span data-testid="quote-source-title">{{ quote().sourceTitle }}</span>
          }
          @if (quote().speaker) {
            <span>· <span data-testid="quote-speaker">{{ quote().speaker }}</span></span>
          }
          @if (quote().sourceType === 'survey_answer' && quote().questionName) {
            <span>· {{ 'quotes.question' | t: { name: quote().questionName ?? '' } }}</span>
          }
          @if (place(); as link) {
            <a [routerLink]="link.commands" [queryParams]="link.queryParams" data-testid="quote-open">{{ 'quotes.open' | t }}</a>
          }
        </div>
        @if (tagGroups().length > 0 || quote().sentiment !== null) {
          <div class="tags">
            @for (group of tagGroups(); track group.tagId) {
              <span class="tag" data-testid="quote-tag" [style.border-color]="group.color">
                <span class="dot" [style.background]="group.color" aria-hidden="true"></span>
                <span class="tag-name">{{ group.name ?? ('quotes.unknownTag' | t) }}</span>
                <span class="coders tropa-muted" data-testid="quote-tag-coders">
                  {{ 'quotes.appliedBy' | t: { name: group.coders } }}
                </span>
              </span>
            }
            @if (quote().sentiment !== null) {
              <span class="tropa-chip" data-testid="quote-sentiment">{{ sentimentKey() | t }}</span>
            }
          </div>
        }
      </div>
    </article>
  `,
  styles: `
    .quote {
      display: flex;
      gap: 8px;
      padding: 12px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .select {
      flex: 0 0 auto;
      margin-top: -8px;
    }
    .body {
      flex: 1 1 auto;
      min-width: 0;
    }
    blockquote {
      margin: 0 0 6px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .source {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      font-size: 0.9em;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 6px;
    }
    .tag {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px;
      border: 1px solid;
      border-radius: 12px;
      font-size: 0.85em;
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
    }
  `,
})
export class QuoteCard {
  readonly quote = input.required<QuoteResponse>();
  /** The codebook by id: names and colours of the tags. */
  readonly tags = input.required<ReadonlyMap<string, TagResponse>>();
  /** Members' names by user id. */
  readonly coders = input.required<ReadonlyMap<string, string>>();
  readonly unknownCoder = input('');
  readonly place = input<QuotePlace | null>(null);
  readonly selectable = input(false);
  readonly selected = input(false);
  readonly toggled = output<string>();

  protected readonly sourceKey = computed((): MessageKey => `quotes.source.${this.quote().sourceType}`);
  protected readonly sentimentKey = computed((): MessageKey => {
    const sentiment = Math.max(-2, Math.min(2, Math.round(this.quote().sentiment ?? 0)));
    return `quotes.sentiment.${sentiment as -2 | -1 | 0 | 1 | 2}`;
  });
  protected readonly tagGroups = computed(() =>
    groupTagApplications(this.quote().tags).map((group) => {
      const tag = this.tags().get(group.tagId);
      return {
        tagId: group.tagId,
        name: tag?.name ?? null,
        color: tag?.color ?? '#9ca3af',
        coders: group.appliedBy.map((userId) => (userId ? this.coders().get(userId) : undefined) ?? this.unknownCoder()).join(', '),
      };
    }),
  );
}
