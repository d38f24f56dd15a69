import type { StageResponse } from '@tropa/contracts';

/** One coloured part of a stage bar. */
export interface StageSegment {
  /** A stage id, or null for the share whose stage is unknown (deleted stage, none inferred). */
  stageId: string | null;
  name: string | null;
  /** 0..1 of the bar; the segments add up to 1. */
  share: number;
  /** Rounded percent for labels. */
  percent: number;
  /** 0-based position in journey order; picks the colour. */
  index: number;
}

/**
 * Turns a cluster's stage distribution (stage id → share of members) into bar segments
 * in journey order. Shares of stages the project no longer has are pooled into one
 * unknown segment at the end; empty stages are left out; the shares are normalised so a
 * distribution that does not add up to 1 still fills the bar.
 */
export function stageSegments(distribution: Record<string, number>, stages: readonly StageResponse[]): StageSegment[] {
  const entries = Object.entries(distribution).filter(([, share]) => Number.isFinite(share) && share > 0);
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  if (total <= 0) return [];
  const byId = new Map(entries);
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const segments: StageSegment[] = [];
  ordered.forEach((stage, index) => {
    const share = byId.get(stage.id);
    if (share === undefined) return;
    byId.delete(stage.id);
    segments.push({ stageId: stage.id, name: stage.name, share: share / total, percent: 0, index });
  });
  const unknown = [...byId.values()].reduce((sum, share) => sum + share, 0);
  if (unknown > 0) {
    segments.push({ stageId: null, name: null, share: unknown / total, percent: 0, index: -1 });
  }
  return segments.map((segment) => ({ ...segment, percent: Math.round(segment.share * 100) }));
}
