import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { StageSegment } from '../model/stage-bar';

const STAGE_COLOURS = ['#2563eb', '#0891b2', '#059669', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#9333ea', '#db2777', '#4b5563'];

/** The share of a cluster's quotes per journey stage, as one stacked bar with a legend. */
@Component({
  selector: 'tropa-stage-bar',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (segments().length === 0) {
      <span class="tropa-muted empty" data-testid="stage-bar-empty">{{ 'synthesis.stageBar.empty' | t }}</span>
    } @else {
      <div class="bar" role="img" [attr.aria-label]="'synthesis.stageBar.label' | t" data-testid="stage-bar">
        @for (segment of segments(); track segment.stageId) {
          <span
            class="segment"
            [style.flex-grow]="segment.share"
            [style.background]="colour(segment.index)"
            [attr.title]="(segment.name ?? ('synthesis.stageBar.unknown' | t)) + ': ' + segment.percent + '%'"
            data-testid="stage-segment"
          ></span>
        }
      </div>
      @if (legend()) {
        <ul class="legend">
          @for (segment of segments(); track segment.stageId) {
            <li>
              <span class="dot" [style.background]="colour(segment.index)"></span>
              {{ segment.name ?? ('synthesis.stageBar.unknown' | t) }} {{ segment.percent }}%
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    .bar {
      display: flex;
      height: 10px;
      border-radius: 5px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-high);
    }
    .segment {
      flex-basis: 0;
      min-width: 2px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 12px;
      list-style: none;
      padding: 0;
      margin: 6px 0 0;
      font-size: 0.8em;
      color: var(--mat-sys-on-surface-variant);
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      margin-right: 2px;
    }
    .empty {
      font-size: 0.85em;
    }
  `,
})
export class StageBar {
  readonly segments = input.required<StageSegment[]>();
  readonly legend = input(true);

  protected colour(index: number): string {
    return index < 0 ? '#9ca3af' : STAGE_COLOURS[index % STAGE_COLOURS.length];
  }
}
