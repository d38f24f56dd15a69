import type {
  EmotionPoint,
  FindingResponse,
  FunnelResponse,
  FunnelStage,
  JourneyLane,
  JourneyMapResponse,
  MapNoteResponse,
  StrengthLevel,
} from '@tropa/contracts';
import { JOURNEY_LANES } from '@tropa/contracts';

export interface GridStage {
  id: string;
  name: string;
  order: number;
}

/** One cell of the map: the findings of a lane at a stage (best first) and the notes people wrote on it. */
export interface GridCell {
  stageId: string;
  lane: JourneyLane;
  findings: FindingResponse[];
  notes: MapNoteResponse[];
}

export interface GridLane {
  lane: JourneyLane;
  cells: GridCell[];
  /** Findings in the lane (rejected ones included), for the collapsed summary. */
  count: number;
}

export interface JourneyGrid {
  stages: GridStage[];
  lanes: GridLane[];
}

export interface GridOptions {
  /** Drop rejected findings from the cells. */
  hideRejected: boolean;
}

/** Higher score first; ties by text so the order is stable between loads. */
export function compareFindings(a: FindingResponse, b: FindingResponse): number {
  return b.score - a.score || a.text.localeCompare(b.text) || a.id.localeCompare(b.id);
}

/**
 * Lays the map out as stages (columns, in journey order) × lanes (rows, in the fixed
 * lane order). Findings of a stage the map does not list are left out.
 */
export function buildGrid(map: Pick<JourneyMapResponse, 'stages' | 'findings' | 'notes'>, options: GridOptions): JourneyGrid {
  const stages = [...map.stages].sort((a, b) => a.order - b.order);
  const key = (stageId: string, lane: JourneyLane): string => `${lane}\u0000${stageId}`;
  const cells = new Map<string, GridCell>();
  for (const lane of JOURNEY_LANES) {
    for (const stage of stages) cells.set(key(stage.id, lane), { stageId: stage.id, lane, findings: [], notes: [] });
  }
  const counts = new Map<JourneyLane, number>();
  for (const finding of map.findings) {
    const cell = cells.get(key(finding.stageId, finding.lane));
    if (!cell) continue;
    counts.set(finding.lane, (counts.get(finding.lane) ?? 0) + 1);
    if (options.hideRejected && finding.status === 'rejected') continue;
    cell.findings.push(finding);
  }
  for (const note of map.notes) cells.get(key(note.stageId, note.lane))?.notes.push(note);
  return {
    stages,
    lanes: JOURNEY_LANES.map((lane) => ({
      lane,
      count: counts.get(lane) ?? 0,
      cells: stages.map((stage) => {
        const cell = cells.get(key(stage.id, lane)) as GridCell;
        cell.findings.sort(compareFindings);
        cell.notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        return cell;
      }),
    })),
  };
}

// --- Lane collapse (remembered in localStorage) -----------------------------------

export const COLLAPSED_LANES_KEY = 'tropa.journey.collapsedLanes';

/** The stored value → the lanes that are collapsed; anything unreadable means none. */
export function parseCollapsedLanes(raw: string | null): JourneyLane[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return JOURNEY_LANES.filter((lane) => value.includes(lane));
  } catch {
    return [];
  }
}

export function toggleLane(collapsed: readonly JourneyLane[], lane: JourneyLane): JourneyLane[] {
  return collapsed.includes(lane) ? collapsed.filter((item) => item !== lane) : JOURNEY_LANES.filter((item) => item === lane || collapsed.includes(item));
}

// --- Badges -----------------------------------------------------------------------

/** The strength as shown on a card: the level and "5 quotes · 3 people · 2 sources". */
export interface StrengthBadge {
  level: StrengthLevel;
  quotes: number;
  people: number;
  sources: number;
  /** Rests on one person or one source. */
  warn: boolean;
}

export function strengthBadge(finding: Pick<FindingResponse, 'strength'>): StrengthBadge {
  const { strength } = finding;
  return {
    level: strength.level,
    quotes: strength.quotes,
    people: strength.participants,
    sources: strength.sources,
    warn: strength.level === 'weak',
  };
}

// --- Emotions and KPIs per stage -------------------------------------------------------

/** The emotion point the lane shows at a stage: the map's own series (its persona, or everyone). */
export function laneEmotion(emotions: readonly EmotionPoint[], stageId: string, personaId: string | null): EmotionPoint | null {
  const atStage = emotions.filter((point) => point.stageId === stageId);
  return atStage.find((point) => point.personaId === personaId) ?? atStage.find((point) => point.personaId === null) ?? null;
}

export interface StageKpis extends FunnelStage {
  /** The stage with the largest drop to the next one. */
  largestDrop: boolean;
}

export function stageKpis(funnel: FunnelResponse, stageId: string): StageKpis | null {
  const stage = funnel.stages.find((item) => item.stageId === stageId);
  return stage ? { ...stage, largestDrop: funnel.largestDropStageId === stageId } : null;
}

/** -2..+2 with a sign: "+1.2", "−0.4", "0.0". */
export function formatScore(value: number): string {
  const fixed = Math.abs(value).toFixed(1);
  if (fixed === '0.0') return '0.0';
  return value > 0 ? `+${fixed}` : `−${fixed}`;
}

/** A share 0..1 as a whole percent. */
export function formatPercent(value: number): string {
  return `${Math.round(value * 100)} %`;
}
