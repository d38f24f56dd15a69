import type { FindingResponse, JourneyLane, JourneyMapResponse, Kpi, MapDiffResponse } from '@tropa/contracts';
import { JOURNEY_LANES } from '@tropa/contracts';

type MapStage = JourneyMapResponse['stages'][number];

export interface DiffLaneGroup {
  lane: JourneyLane;
  added: Array<{ key: string; text: string }>;
  removed: Array<{ key: string; text: string }>;
  changed: Array<{ key: string; before: string; after: string }>;
}

export interface DiffStageGroup {
  stageId: string;
  stageName: string;
  lanes: DiffLaneGroup[];
}

export interface ValueDelta {
  stageId: string;
  stageName: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is unknown. */
  delta: number | null;
}

export interface KpiDelta extends ValueDelta {
  kpi: Kpi | 'conversion';
}

/** Stages in map order; a stage the map no longer has (deleted since) comes last, named by its id. */
function stageOrder(stages: readonly MapStage[], ids: Iterable<string>): Array<{ id: string; name: string }> {
  const ordered = [...stages].sort((a, b) => a.order - b.order).map((stage) => ({ id: stage.id, name: stage.name }));
  const known = new Set(ordered.map((stage) => stage.id));
  for (const id of ids) {
    if (!known.has(id)) {
      known.add(id);
      ordered.push({ id, name: id });
    }
  }
  return ordered;
}

/** Findings added, removed and changed, grouped by stage (map order) and lane (lane order); empty groups left out. */
export function groupDiff(diff: MapDiffResponse, stages: readonly MapStage[]): DiffStageGroup[] {
  const all = [...diff.added, ...diff.removed, ...diff.changed];
  const groups: DiffStageGroup[] = [];
  for (const stage of stageOrder(stages, all.map((item) => item.stageId))) {
    const lanes: DiffLaneGroup[] = [];
    for (const lane of JOURNEY_LANES) {
      const here = (item: { stageId: string; lane: JourneyLane }): boolean => item.stageId === stage.id && item.lane === lane;
      const group: DiffLaneGroup = {
        lane,
        added: diff.added.filter(here).map(({ key, text }) => ({ key, text })),
        removed: diff.removed.filter(here).map(({ key, text }) => ({ key, text })),
        changed: diff.changed.filter(here).map(({ key, before, after }) => ({ key, before, after })),
      };
      if (group.added.length + group.removed.length + group.changed.length > 0) lanes.push(group);
    }
    if (lanes.length > 0) groups.push({ stageId: stage.id, stageName: stage.name, lanes });
  }
  return groups;
}

function delta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : Math.round((after - before) * 1000) / 1000;
}

/** Emotion per stage before and after, in stage order; stages with no emotion on either side left out. */
export function emotionDeltas(diff: MapDiffResponse, stages: readonly MapStage[]): ValueDelta[] {
  const byStage = new Map(diff.emotion.map((point) => [point.stageId, point]));
  return stageOrder(stages, byStage.keys()).flatMap((stage) => {
    const point = byStage.get(stage.id);
    if (!point || (point.before === null && point.after === null)) return [];
    return [{ stageId: stage.id, stageName: stage.name, before: point.before, after: point.after, delta: delta(point.before, point.after) }];
  });
}

const KPI_ORDER: ReadonlyArray<Kpi | 'conversion'> = ['L', 'C', 'conversion', 'P', 'Q'];

/** KPI values before and after, by stage then KPI; unchanged values left out. */
export function kpiDeltas(diff: MapDiffResponse, stages: readonly MapStage[]): KpiDelta[] {
  const rows: KpiDelta[] = [];
  for (const stage of stageOrder(stages, diff.kpis.map((item) => item.stageId))) {
    const here = diff.kpis.filter((item) => item.stageId === stage.id).sort((a, b) => KPI_ORDER.indexOf(a.kpi) - KPI_ORDER.indexOf(b.kpi));
    for (const item of here) {
      if (item.before === item.after) continue;
      rows.push({ stageId: stage.id, stageName: stage.name, kpi: item.kpi, before: item.before, after: item.after, delta: delta(item.before, item.after) });
    }
  }
  return rows;
}

/** Findings a person has not reviewed yet (still as assembled). */
export function unreviewedCount(findings: readonly Pick<FindingResponse, 'status'>[]): number {
  return findings.filter((finding) => finding.status === 'proposed').length;
}
