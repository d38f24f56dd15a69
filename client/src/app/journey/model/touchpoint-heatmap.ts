import type { TouchpointCell } from '@tropa/contracts';

export interface HeatCell {
  stageId: string | null;
  mentions: number;
  meanSentiment: number | null;
  /** CSS background colour. */
  colour: string;
}

export interface HeatRow {
  key: string;
  touchpointId: string | null;
  name: string;
  total: number;
  cells: HeatCell[];
}

export interface Heatmap {
  /** Stage ids in journey order; null (mentions with no stage) last, only when there are any. */
  columns: Array<string | null>;
  rows: HeatRow[];
}

const NEUTRAL: readonly [number, number, number] = [224, 224, 224];
const NEGATIVE: readonly [number, number, number] = [211, 47, 47];
const POSITIVE: readonly [number, number, number] = [46, 125, 50];

/**
 * Sentiment (-2..+2) → a colour from red through grey to green; the weight (mentions over
 * the most mentions in the map, 0..1) sets the opacity so a single mention stays pale.
 * No mentions → transparent; mentions with unknown sentiment → grey.
 */
export function heatColour(meanSentiment: number | null, mentions: number, maxMentions: number): string {
  if (mentions <= 0 || maxMentions <= 0) return 'transparent';
  const alpha = 0.25 + 0.75 * Math.min(1, mentions / maxMentions);
  const share = meanSentiment === null ? 0 : Math.max(-1, Math.min(1, meanSentiment / 2));
  const target = share < 0 ? NEGATIVE : POSITIVE;
  const weight = Math.abs(share);
  const [r, g, b] = NEUTRAL.map((channel, index) => Math.round(channel + (target[index] - channel) * weight));
  return `rgba(${r}, ${g}, ${b}, ${alpha.toFixed(2)})`;
}

/** Touchpoints as rows (most mentioned first), stages as columns, one cell each. */
export function buildHeatmap(cells: readonly TouchpointCell[], stageIds: readonly string[]): Heatmap {
  const known = new Set(stageIds);
  const columns: Array<string | null> = [...stageIds];
  if (cells.some((cell) => cell.stageId === null || !known.has(cell.stageId))) columns.push(null);
  const maxMentions = cells.reduce((max, cell) => Math.max(max, cell.mentions), 0);
  const rows = new Map<string, { touchpointId: string | null; name: string; byStage: Map<string | null, TouchpointCell[]> }>();
  for (const cell of cells) {
    const key = cell.touchpointId ?? `name:${cell.name.toLowerCase()}`;
    const row = rows.get(key) ?? { touchpointId: cell.touchpointId, name: cell.name, byStage: new Map() };
    const column = cell.stageId !== null && known.has(cell.stageId) ? cell.stageId : null;
    row.byStage.set(column, [...(row.byStage.get(column) ?? []), cell]);
    rows.set(key, row);
  }
  const result: HeatRow[] = [...rows.entries()].map(([key, row]) => {
    const heatCells = columns.map((stageId) => {
      const items = row.byStage.get(stageId) ?? [];
      const mentions = items.reduce((sum, item) => sum + item.mentions, 0);
      const rated = items.filter((item) => item.meanSentiment !== null && item.mentions > 0);
      const ratedMentions = rated.reduce((sum, item) => sum + item.mentions, 0);
      const meanSentiment = ratedMentions > 0 ? rated.reduce((sum, item) => sum + (item.meanSentiment as number) * item.mentions, 0) / ratedMentions : null;
      return { stageId, mentions, meanSentiment, colour: heatColour(meanSentiment, mentions, maxMentions) };
    });
    return { key, touchpointId: row.touchpointId, name: row.name, total: heatCells.reduce((sum, cell) => sum + cell.mentions, 0), cells: heatCells };
  });
  result.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { columns, rows: result };
}
