import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { JourneyMapResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { formatScore } from '../model/journey-grid';
import type { Heatmap } from '../model/touchpoint-heatmap';

/**
 * Touchpoints against stages: a heatmap of mentions coloured by sentiment, the touchpoints
 * customers mention that the company lacks, and those the company keeps that nobody mentions.
 */
@Component({
  selector: 'tropa-touchpoint-gaps',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tropa-panel" data-testid="touchpoint-gaps">
      <h3>{{ 'journey.gaps.title' | t }}</h3>
      @if (heatmap().rows.length > 0) {
        <p class="tropa-muted caption">{{ 'journey.gaps.heatmap' | t }}</p>
        <div class="scroll">
          <table class="heatmap" data-testid="touchpoint-heatmap">
            <thead>
              <tr>
                <th scope="col">{{ 'journey.gaps.touchpoint' | t }}</th>
                @for (column of heatmap().columns; track column) {
                  <th scope="col">{{ column === null ? ('journey.gaps.noStage' | t) : (stageNames().get(column) ?? '') }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of heatmap().rows; track row.key) {
                <tr data-testid="touchpoint-heat-row">
                  <th scope="row">{{ row.name }}</th>
                  @for (cell of row.cells; track cell.stageId) {
                    <td
                      data-testid="touchpoint-heat-cell"
                      [attr.data-stage-id]="cell.stageId"
                      [style.background]="cell.colour"
                      [attr.title]="cell.mentions > 0 ? ('journey.gaps.cellTitle' | t: { name: row.name, stage: stageLabel(cell.stageId), count: cell.mentions, sentiment: sentiment(cell.meanSentiment) }) : null"
                    >
                      {{ cell.mentions > 0 ? cell.mentions : '' }}
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="tropa-muted">{{ 'journey.gaps.empty' | t }}</p>
      }
      <div class="lists">
        <div>
          <h4>{{ 'journey.gaps.missing' | t }}</h4>
          @if (touchpoints().missing.length > 0) {
            <ul data-testid="touchpoints-missing">
              @for (item of touchpoints().missing; track item.name) {
                <li data-testid="touchpoint-missing">
                  <strong>{{ item.name }}</strong>
                  <span class="tropa-muted"> — {{ 'journey.gaps.evidence' | t: { mentions: item.mentions, quotes: item.quoteIds.length } }}</span>
                </li>
              }
            </ul>
          } @else {
            <p class="tropa-muted">{{ 'journey.gaps.missingEmpty' | t }}</p>
          }
        </div>
        <div>
          <h4>{{ 'journey.gaps.silent' | t }}</h4>
          @if (touchpoints().silent.length > 0) {
            <ul data-testid="touchpoints-silent">
              @for (item of touchpoints().silent; track item.touchpointId) {
                <li data-testid="touchpoint-silent">{{ item.name }}</li>
              }
            </ul>
          } @else {
            <p class="tropa-muted">{{ 'journey.gaps.silentEmpty' | t }}</p>
          }
        </div>
      </div>
    </section>
  `,
  styles: `
    h3 {
      margin: 0 0 4px;
    }
    h4 {
      margin: 12px 0 4px;
    }
    .caption {
      font-size: 0.85em;
      margin: 0 0 8px;
    }
    .scroll {
      overflow-x: auto;
    }
    .heatmap {
      border-collapse: collapse;
      font-size: 0.9em;
    }
    .heatmap th,
    .heatmap td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 4px 8px;
    }
    .heatmap thead th {
      font-weight: 600;
      white-space: nowrap;
    }
    .heatmap tbody th {
      text-align: left;
      font-weight: 500;
    }
    .heatmap td {
      min-width: 64px;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .lists {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class TouchpointGaps {
  readonly heatmap = input.required<Heatmap>();
  readonly touchpoints = input.required<JourneyMapResponse['touchpoints']>();
  readonly stageNames = input.required<ReadonlyMap<string, string>>();

  protected stageLabel(stageId: string | null): string {
    return stageId === null ? '—' : (this.stageNames().get(stageId) ?? '');
  }

  protected sentiment(value: number | null): string {
    return value === null ? '—' : formatScore(value);
  }
}
