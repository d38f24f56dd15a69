import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { UtteranceResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatTranscriptTime } from '../model/transcript-time';

/** One line of a transcript: time, speaker (a pseudonym), text; the moderator's lines set apart. */
@Component({
  selector: 'tropa-utterance-row',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.moderator]': 'utterance().moderator', 'data-testid': 'utterance' },
  template: `
    <span class="time" data-testid="utterance-time">{{ time() }}</span>
    <span class="speaker" data-testid="utterance-speaker">
      {{ speaker() || ('transcript.unknownSpeaker' | t) }}
      @if (utterance().moderator) {
        <span class="mark">({{ 'transcript.moderatorMark' | t }})</span>
      }
    </span>
    <span class="text" data-testid="utterance-text">{{ utterance().text }}</span>
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
    }
    :host(.moderator) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
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

  protected readonly time = computed(() => formatTranscriptTime(this.utterance().startMs));
}
