/**
 * Difference between two journey maps (a published version and a new assembly,
 * or two versions): findings matched by key — added, removed, changed (text,
 * evidence set or strength level differ) — and emotion and KPI deltas per stage
 * (after − before). Both sides may be plain JSON read back from storage.
 */
import type { EvidenceLevel, Finding, JourneyMap, StageKpis } from './journey.types';
import { round2 } from './statistics';

export type DiffableJourney = Pick<JourneyMap, 'findings' | 'stages' | 'emotion'>;

export type FindingChangeField = 'text' | 'evidence' | 'strength';

export interface FindingChange {
  key: string;
  before: Finding;
  after: Finding;
  changes: FindingChangeField[];
  evidenceAdded: string[];
  evidenceRemoved: string[];
  levelBefore: EvidenceLevel;
  levelAfter: EvidenceLevel;
}

export interface EmotionDelta {
  stageId: string;
  before: number | null;
  after: number | null;
  /** after − before, null when either is unknown. */
  delta: number | null;
  nBefore: number;
  nAfter: number;
}

export type KpiField = 'leads' | 'conversion' | 'averageCheck' | 'purchaseFrequency';

export interface KpiDelta {
  stageId: string;
  field: KpiField;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface JourneyDiff {
  added: Finding[];
  removed: Finding[];
  changed: FindingChange[];
  unchanged: number;
  emotion: EmotionDelta[];
  /** Only the KPIs that differ. */
  kpis: KpiDelta[];
}

const KPI_FIELDS: readonly KpiField[] = ['leads', 'conversion', 'averageCheck', 'purchaseFrequency'];

export function diffJourneys(a: DiffableJourney, b: DiffableJourney): JourneyDiff {
  const before = new Map(a.findings.map((f) => [f.key, f]));
  const after = new Map(b.findings.map((f) => [f.key, f]));
  const added = b.findings.filter((f) => !before.has(f.key));
  const removed = a.findings.filter((f) => !after.has(f.key));
  const changed: FindingChange[] = [];
  let unchanged = 0;
  for (const f of b.findings) {
    const old = before.get(f.key);
    if (!old) continue;
    const oldSet = new Set(old.evidence);
    const newSet = new Set(f.evidence);
    const evidenceAdded = f.evidence.filter((id) => !oldSet.has(id));
    const evidenceRemoved = old.evidence.filter((id) => !newSet.has(id));
    const changes: FindingChangeField[] = [];
    if (old.text !== f.text) changes.push('text');
    if (evidenceAdded.length || evidenceRemoved.length) changes.push('evidence');
    if (old.strength.level !== f.strength.level) changes.push('strength');
    if (changes.length) changed.push({ key: f.key, before: old, after: f, changes, evidenceAdded, evidenceRemoved, levelBefore: old.strength.level, levelAfter: f.strength.level });
    else unchanged++;
  }

  const stageIds = [...new Set([...b.stages.map((s) => s.id), ...a.stages.map((s) => s.id)])];
  const pointsA = new Map(a.emotion.overall.points.map((p) => [p.stageId, p]));
  const pointsB = new Map(b.emotion.overall.points.map((p) => [p.stageId, p]));
  const emotion: EmotionDelta[] = stageIds.map((stageId) => {
    const pa = pointsA.get(stageId);
    const pb = pointsB.get(stageId);
    const x = pa?.mean ?? null;
    const y = pb?.mean ?? null;
    return { stageId, before: x, after: y, delta: x !== null && y !== null ? round2(y - x) : null, nBefore: pa?.n ?? 0, nAfter: pb?.n ?? 0 };
  });

  const kpisA = new Map<string, StageKpis | null>(a.stages.map((s) => [s.id, s.kpis]));
  const kpisB = new Map<string, StageKpis | null>(b.stages.map((s) => [s.id, s.kpis]));
  const kpis: KpiDelta[] = [];
  for (const stageId of stageIds) {
    for (const field of KPI_FIELDS) {
      const x = kpisA.get(stageId)?.[field] ?? null;
      const y = kpisB.get(stageId)?.[field] ?? null;
      if (x === y) continue;
      kpis.push({ stageId, field, before: x, after: y, delta: x !== null && y !== null ? Math.round((y - x) * 10000) / 10000 : null });
    }
  }
  return { added, removed, changed, unchanged, emotion, kpis };
}
