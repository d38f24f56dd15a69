import { ChangeDetectionStrategy, Component, computed, input, output, viewChild, type ElementRef } from '@angular/core';
import type { EmotionPoint, FunnelResponse, JourneyLane } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { GridCell, JourneyGrid } from '../model/journey-grid';
import { formatPercent, formatScore, laneEmotion, stageKpis } from '../model/journey-grid';
import { journeyLabels } from '../model/journey-labels';
import { FindingCard } from './finding-card';
import { NoteCard } from './note-card';

/**
 * The map as a table: stages as columns, lanes as rows, a sticky header row and lane
 * column, and horizontal scroll for many stages. Lanes collapse to a count.
 */
@Component({
  selector: 'tropa-map-grid',
  imports: [TranslatePipe, FindingCard, NoteCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let g = grid();
    <div class="scroll" [class.presenting]="presenting()">
      <table #table class="grid" data-testid="journey-grid" [attr.aria-label]="'journey.grid.label' | t">
        <colgroup>
          <col class="lane-col" />
          @for (stage of g.stages; track stage.id) {
            <col class="stage-col" />
          }
        </colgroup>
        <thead>
          <tr>
            <th class="corner" scope="col">{{ 'journey.grid.lanes' | t }}</th>
            @for (stage of g.stages; track stage.id; let i = $index) {
              <th scope="col" class="stage" data-testid="journey-stage" [attr.data-stage-id]="stage.id">
                <span class="stage-number">{{ i + 1 }}</span> {{ stage.name }}
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of g.lanes; track row.lane) {
            @let collapsed = collapsedLanes().includes(row.lane);
            <tr data-testid="journey-lane" [attr.data-lane]="row.lane" [class.collapsed]="collapsed">
              <th scope="row" class="lane">
                <button
                  type="button"
                  class="toggle"
                  (click)="laneToggled.emit(row.lane)"
                  [attr.aria-expanded]="!collapsed"
                  [attr.aria-label]="(collapsed ? 'journey.lane.expand' : 'journey.lane.collapse') | t"
                  data-testid="journey-lane-toggle"
                >
                  <span aria-hidden="true">{{ collapsed ? '▸' : '▾' }}</span>
                  {{ labels.lane(row.lane) | t }}
                </button>
              </th>
              @for (cell of row.cells; track cell.stageId) {
                <td data-testid="journey-cell" [attr.data-stage-id]="cell.stageId" [attr.data-lane]="cell.lane" [class]="'cell lane-' + cell.lane">
                  @if (collapsed) {
                    @if (cell.findings.length + cell.notes.length > 0) {
                      <span class="tropa-muted count">{{ 'journey.lane.collapsedCount' | t: { count: cell.findings.length } }}</span>
                    }
                  } @else {
                    @if (row.lane === 'emotions') {
                      @let point = emotionAt(cell.stageId);
                      @if (point && point.mean !== null) {
                        <div class="emotion" data-testid="emotion-cell" [class.negative]="point.mean < 0" [class.positive]="point.mean > 0">
                          <strong data-testid="emotion-mean">{{ score(point.mean) }}</strong>
                          @if (point.low !== null && point.high !== null) {
                            <span class="interval">[{{ score(point.low) }}; {{ score(point.high) }}]</span>
                          }
                          <span class="n">{{ 'journey.emotion.n' | t: { n: point.n } }}</span>
                        </div>
                      } @else {
                        <span class="tropa-muted">{{ 'journey.emotion.noData' | t }}</span>
                      }
                    }
                    @if (row.lane === 'kpis') {
                      @let kpi = kpisAt(cell.stageId);
                      @if (kpi) {
                        <div class="kpis" [class.drop]="kpi.largestDrop">
                          <span data-testid="kpi-leads">{{ 'journey.kpi.leads' | t: { value: number(kpi.leads) } }}</span>
                          @if (kpi.conversion !== null) {
                            <span data-testid="kpi-conversion">{{ 'journey.kpi.conversion' | t: { value: percent(kpi.conversion) } }}</span>
                          }
                          <span data-testid="kpi-check">{{ 'journey.kpi.check' | t: { value: number(kpi.averageCheck) } }}</span>
                          <span data-testid="kpi-purchases">{{ 'journey.kpi.purchases' | t: { value: number(kpi.purchasesPerCustomer) } }}</span>
                          @if (kpi.largestDrop) {
                            <strong class="drop-label" data-testid="largest-drop">{{ 'journey.kpi.largestDrop' | t }}</strong>
                          }
                        </div>
                      } @else {
                        <span class="tropa-muted">{{ 'journey.kpi.none' | t }}</span>
                      }
                    }
                    @for (finding of cell.findings; track finding.id; let i = $index) {
                      <tropa-finding-card
                        [finding]="finding"
                        [rank]="row.lane === 'pains' ? i + 1 : null"
                        [selected]="finding.id === selectedFindingId()"
                        (opened)="findingOpened.emit($event)"
                      />
                    }
                    @for (note of cell.notes; track note.id) {
                      <tropa-note-card [note]="note" [deletable]="canNote() && note.authorId !== null && note.authorId === currentUserId()" (removed)="noteRemoved.emit($event)" />
                    }
                    @if (canNote()) {
                      <button type="button" class="add-note" (click)="openCell(cell)" data-testid="cell-add-note" data-export="skip">+ {{ 'journey.cell.addNote' | t }}</button>
                    }
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow: auto;
      max-height: 78vh;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    .scroll.presenting {
      max-height: none;
      font-size: 1.15em;
    }
    .grid {
      border-collapse: separate;
      border-spacing: 0;
      table-layout: fixed;
      width: max-content;
      min-width: 100%;
    }
    .lane-col {
      width: 170px;
    }
    .stage-col {
      width: 270px;
    }
    th,
    td {
      border-right: 1px solid var(--mat-sys-outline-variant);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      padding: 6px;
      text-align: left;
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 2;
      background: var(--mat-sys-surface-container);
      font-weight: 600;
    }
    .corner {
      left: 0;
      z-index: 3;
    }
    tbody th {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--mat-sys-surface-container-low);
    }
    .stage-number {
      display: inline-block;
      min-width: 1.4em;
      text-align: center;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 0.8em;
    }
    .toggle {
      all: unset;
      cursor: pointer;
      font-weight: 600;
    }
    .toggle:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    tr.collapsed td,
    tr.collapsed th {
      padding-top: 2px;
      padding-bottom: 2px;
    }
    .count {
      font-size: 0.85em;
    }
    .lane-pains {
      background: color-mix(in srgb, var(--mat-sys-error-container) 18%, transparent);
    }
    .lane-gains {
      background: color-mix(in srgb, #c8e6c9 30%, transparent);
    }
    .emotion {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 6px;
      margin-bottom: 6px;
    }
    .emotion strong {
      font-size: 1.3em;
    }
    .emotion.negative strong {
      color: #c62828;
    }
    .emotion.positive strong {
      color: #2e7d32;
    }
    .interval,
    .n {
      font-size: 0.8em;
      color: var(--mat-sys-on-surface-variant);
    }
    .kpis {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin-bottom: 6px;
      padding: 4px 6px;
      border-radius: 6px;
      font-variant-numeric: tabular-nums;
    }
    .kpis.drop {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .add-note {
      all: unset;
      cursor: pointer;
      font-size: 0.8em;
      color: var(--mat-sys-primary);
      opacity: 0.7;
    }
    .add-note:hover,
    .add-note:focus-visible {
      opacity: 1;
      text-decoration: underline;
    }
  `,
})
export class MapGrid {
  readonly grid = input.required<JourneyGrid>();
  readonly collapsedLanes = input<readonly JourneyLane[]>([]);
  readonly emotions = input<readonly EmotionPoint[]>([]);
  readonly personaId = input<string | null>(null);
  readonly funnel = input<FunnelResponse | null>(null);
  /** Whether the viewer may write notes (and so open empty cells). */
  readonly canNote = input(false);
  readonly currentUserId = input<string | null>(null);
  readonly selectedFindingId = input<string | null>(null);
  readonly presenting = input(false);

  readonly findingOpened = output<string>();
  readonly cellOpened = output<{ stageId: string; lane: JourneyLane }>();
  readonly laneToggled = output<JourneyLane>();
  readonly noteRemoved = output<string>();

  protected readonly labels = journeyLabels;
  private readonly table = viewChild.required<ElementRef<HTMLTableElement>>('table');
  private readonly emotionByStage = computed(() => {
    const emotions = this.emotions();
    const personaId = this.personaId();
    return new Map(this.grid().stages.map((stage) => [stage.id, laneEmotion(emotions, stage.id, personaId)]));
  });

  /** The table itself (its full width, scrolled or not): what the PNG export draws. */
  element(): HTMLElement {
    return this.table().nativeElement;
  }

  protected emotionAt(stageId: string): EmotionPoint | null {
    return this.emotionByStage().get(stageId) ?? null;
  }

  protected kpisAt(stageId: string): ReturnType<typeof stageKpis> {
    const funnel = this.funnel();
    return funnel ? stageKpis(funnel, stageId) : null;
  }

  protected openCell(cell: GridCell): void {
    this.cellOpened.emit({ stageId: cell.stageId, lane: cell.lane });
  }

  protected score(value: number): string {
    return formatScore(value);
  }

  protected percent(value: number): string {
    return formatPercent(value);
  }

  protected number(value: number | null): string {
    if (value === null) return '—';
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}
