import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { MapNoteResponse } from '@tropa/contracts';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** A person's own note on a cell: labelled "Note" and styled apart from the findings. */
@Component({
  selector: 'tropa-note-card',
  imports: [TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let n = note();
    <aside class="note" data-testid="map-note" [attr.data-note-id]="n.id">
      <div class="head">
        <span class="label">{{ 'journey.note.label' | t }}</span>
        <span class="by">{{ n.authorName ?? '' }} · {{ n.createdAt | localDate }}</span>
        @if (deletable()) {
          <button type="button" class="delete" (click)="removed.emit(n.id)" [attr.aria-label]="'journey.note.delete' | t" data-testid="map-note-delete" data-export="skip">
            ✕
          </button>
        }
      </div>
      <p class="text" data-testid="map-note-text">{{ n.text }}</p>
    </aside>
  `,
  styles: `
    .note {
      background: #fff8c4;
      color: #3b3200;
      border: 1px dashed #c9b200;
      border-radius: 4px;
      padding: 4px 8px;
      margin-bottom: 6px;
      font-size: 0.92em;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 6px;
      font-size: 0.75em;
    }
    .label {
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .by {
      flex: 1 1 auto;
      opacity: 0.8;
    }
    .delete {
      all: unset;
      cursor: pointer;
      padding: 0 4px;
    }
    .text {
      margin: 2px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class NoteCard {
  readonly note = input.required<MapNoteResponse>();
  readonly deletable = input(false);
  readonly removed = output<string>();
}
