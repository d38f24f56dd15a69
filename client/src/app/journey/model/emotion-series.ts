import type { EmotionPoint, EmotionSourceCounts } from '@tropa/contracts';

/** What a point carries besides its value: shown in the tooltip and the table under the chart. */
export interface EmotionExtra {
  stageId: string;
  stageName: string;
  n: number;
  low: number | null;
  high: number | null;
  sources: EmotionSourceCounts;
}

/** One point of an ngx-charts line: x is the 1-based stage position, min/max draw the 95 % band. */
export interface EmotionChartPoint {
  name: number;
  value: number;
  min?: number;
  max?: number;
  extra: EmotionExtra;
}

export interface EmotionChartSeries {
  /** The persona's name, or the "all customers" label. */
  name: string;
  personaId: string | null;
  series: EmotionChartPoint[];
}

/**
 * The emotion curve as line series: one per persona (in the order the API lists them,
 * everyone first), stages in journey order. Stages with no evidence (mean null) leave a
 * gap; the band is drawn only where the interval is known (n ≥ 2).
 */
export function emotionSeries(
  points: readonly EmotionPoint[],
  stages: ReadonlyArray<{ id: string; name: string; order: number }>,
  seriesName: (personaId: string | null) => string,
): EmotionChartSeries[] {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const position = new Map(ordered.map((stage, index) => [stage.id, index + 1]));
  const names = new Map(ordered.map((stage) => [stage.id, stage.name]));
  const personaIds: Array<string | null> = [];
  for (const point of points) if (!personaIds.includes(point.personaId)) personaIds.push(point.personaId);
  personaIds.sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return personaIds.map((personaId) => ({
    name: seriesName(personaId),
    personaId,
    series: points
      .filter((point) => point.personaId === personaId && point.mean !== null && position.has(point.stageId))
      .sort((a, b) => (position.get(a.stageId) as number) - (position.get(b.stageId) as number))
      .map((point) => ({
        name: position.get(point.stageId) as number,
        value: point.mean as number,
        ...(point.low !== null && point.high !== null ? { min: point.low, max: point.high } : {}),
        extra: {
          stageId: point.stageId,
          stageName: names.get(point.stageId) ?? '',
          n: point.n,
          low: point.low,
          high: point.high,
          sources: point.sources,
        },
      })),
  }));
}

export interface EmotionTableCell {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
  sources: EmotionSourceCounts;
}

/** The points as a table: one row per series, one column per stage (null where the series has no point). */
export interface EmotionTable {
  stages: Array<{ id: string; name: string }>;
  rows: Array<{ series: string; personaId: string | null; cells: Array<EmotionTableCell | null> }>;
}

export function emotionTable(
  points: readonly EmotionPoint[],
  stages: ReadonlyArray<{ id: string; name: string; order: number }>,
  seriesName: (personaId: string | null) => string,
): EmotionTable {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const personaIds: Array<string | null> = [];
  for (const point of points) if (!personaIds.includes(point.personaId)) personaIds.push(point.personaId);
  personaIds.sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return {
    stages: ordered.map((stage) => ({ id: stage.id, name: stage.name })),
    rows: personaIds.map((personaId) => ({
      series: seriesName(personaId),
      personaId,
      cells: ordered.map((stage) => {
        const point = points.find((item) => item.personaId === personaId && item.stageId === stage.id);
        return point ? { mean: point.mean, low: point.low, high: point.high, n: point.n, sources: point.sources } : null;
      }),
    })),
  };
}
