import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { UtteranceResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { RowHighlight } from '../model/highlight-rows';
import { segmentText } from '../model/highlight-segments';
import { highlightBackground } from '../model/highlight-style';
import { formatTranscriptTime } from '../model/transcript-time';

const NO_HIGHLIGHTS: RowHighlight[] = [];

/**
 * One line of a transcript: time, speaker (a pseudonym), text; the moderator's lines set apart.
 * Highlights show inline: the text is cut at every highlight boundary and each run is drawn in
 * its tags' colours. The text element holds nothing but the utterance text, so a selection in
 * it maps to exact character offsets.
 */
@Component({
  selector: 'tropa-utterance-row',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.moderator]': 'utterance().moderator',
    '[class.flash]': 'flash()',
    '[attr.data-utterance-id]': 'utterance().id',
    'data-testid': 'utterance',
  },
  template: `
    <span class="time" data-testid="utterance-time">{{ time() }}</span>
    <span class="speaker" data-testid="utterance-speaker">
      {{ speaker() || ('transcript.unknownSpeaker' | t) }}
      @if (utterance().moderator) {
        <span class="mark">({{ 'transcript.moderatorMark' | t }})</span>
      }
    </span>
    <span class="text" data-testid="utterance-text"
      >@for (segment of segments(); track segment.start) {
        @if (segment.ids.length) {
          <mark
            data-testid="highlight"
            [attr.data-quote-id]="segment.ids[0]"
            [class.others]="segment.others"
            [class.selected]="segment.selected"
            [style.background]="segment.background"
            [title]="segment.title"
            tabindex="0"
            (click)="openHighlight(segment.ids)"
            (keydown.enter)="openHighlight(segment.ids)"
            >{{ segment.text }}</mark
          >
        } @else {
          <span>{{ segment.text }}</span>
        }
      }</span
    >
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 72px 180px 1fr;
      gap: 12px;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      /* Off-screen rows are laid out lazily: long transcripts stay smooth. */
      content-visibility: auto;
      contain-intrinsic-size: auto 48px;
      transition: background-color 0.6s;
    }
    :host(.moderator) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    :host(.flash) {
      background: var(--mat-sys-tertiary-container);
    }
    .time {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .speaker {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .mark {
      font-weight: 400;
      font-size: 0.85em;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    mark {
      color: inherit;
      border-radius: 2px;
      cursor: pointer;
    }
    mark.others {
      outline: 1px dashed var(--mat-sys-outline);
      outline-offset: -1px;
      font-style: italic;
    }
    mark.selected,
    mark:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 0;
    }
    @media (max-width: 640px) {
      :host {
        grid-template-columns: 1fr;
        gap: 2px;
      }
    }
  `,
})
export class UtteranceRow {
  readonly utterance = input.required<UtteranceResponse>();
  /** The participant's current pseudonym when known, else the stored speaker label. */
  readonly speaker = input<string | null>(null);
  /** This utterance's highlights; the same array while they do not change. */
  readonly highlights = input<RowHighlight[]>(NO_HIGHLIGHTS);
  /** The open highlight when it is one of this row's, else null. */
  readonly selectedId = input<string | null>(null);
  /** Set briefly after a deep link or a jump lands here. */
  readonly flash = input(false);

  /** A highlight was clicked: its id (the innermost one; clicking again steps to the next one around it). */
  readonly highlightOpened = output<string>();

  protected readonly time = computed(() => formatTranscriptTime(this.utterance().startMs));

  private readonly byId = computed(() => new Map(this.highlights().map((highlight) => [highlight.id, highlight])));

  protected readonly segments = computed(() => {
    const byId = this.byId();
    const selectedId = this.selectedId();
    return segmentText(this.utterance().text, this.highlights()).map((segment) => {
      const covering = segment.highlightIds.map((id) => byId.get(id)).filter((highlight): highlight is RowHighlight => highlight !== undefined);
      return {
        start: segment.start,
        text: segment.text,
        ids: segment.highlightIds,
        background: highlightBackground(covering.flatMap((highlight) => highlight.colors)),
        title: covering.map((highlight) => highlight.label).join('\n'),
        others: covering.length > 0 && covering.every((highlight) => highlight.others),
        selected: selectedId !== null && segment.highlightIds.includes(selectedId),
      };
    });
  });

  protected openHighlight(ids: string[]): void {
    const current = ids.indexOf(this.selectedId() ?? '');
    this.highlightOpened.emit(ids[(current + 1) % ids.length]);
  }
}
