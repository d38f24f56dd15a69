import type { StageMetricInput } from '../journey/journey.types';
import { DEFAULT_PERIOD_DAYS } from './funnel-model';
import type { FunnelModel, FunnelStageInput } from './funnel.types';

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * A funnel model from per-stage KPIs (computed from events, entered by people, or both
 * merged), so that revenue and the what-if work the same whatever the KPIs' source.
 * The purchase stage is the first with an average check (else the last stage); a
 * stage's conversion, when not given, comes from the leads of it and the next stage.
 * Revenue = L (first stage) × C (chain of conversions up to the purchase stage) × P × Q.
 * Stages after the last one anybody reached have no data rather than a conversion of
 * zero (events of later stages were simply not collected), so no drop is read into them.
 */
export function funnelFromMetrics(stages: readonly FunnelStageInput[], metrics: readonly StageMetricInput[], periodDays = DEFAULT_PERIOD_DAYS): FunnelModel | null {
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const byStage = new Map(metrics.map((m) => [m.stageId, m]));
  if (ordered.length === 0 || !ordered.some((s) => byStage.has(s.id))) return null;
  const leadsOf = (i: number): number | null => byStage.get(ordered[i]?.id)?.leads ?? null;
  let lastReached = -1;
  ordered.forEach((_, i) => {
    if ((leadsOf(i) ?? 0) > 0) lastReached = i;
  });
  const funnelStages = ordered.map((stage, i) => {
    const metric = byStage.get(stage.id);
    const leads = metric?.leads ?? null;
    const next = i + 1 < ordered.length ? leadsOf(i + 1) : null;
    const derived = leads !== null && leads > 0 && next !== null ? round4(Math.min(1, next / leads)) : null;
    const conversion = i === ordered.length - 1 || (lastReached >= 0 && i >= lastReached && !metric?.conversion) ? null : (metric?.conversion ?? derived);
    return { stageId: stage.id, leads: leads ?? 0, observed: leads ?? 0, conversion, lost: leads !== null && next !== null ? Math.max(0, leads - next) : null };
  });
  let purchaseIndex = ordered.findIndex((s) => byStage.get(s.id)?.averageCheck !== null && byStage.get(s.id)?.averageCheck !== undefined);
  if (purchaseIndex < 0) purchaseIndex = ordered.length - 1;
  const purchase = byStage.get(ordered[purchaseIndex].id);
  const leads = leadsOf(0) ?? 0;
  let conversion: number | null = leads > 0 ? 1 : null;
  for (let i = 0; i < purchaseIndex && conversion !== null; i++) conversion = funnelStages[i].conversion === null ? null : conversion * (funnelStages[i].conversion as number);
  const averageCheck = purchase?.averageCheck ?? null;
  const purchaseFrequency = purchase?.purchaseFrequency ?? null;
  let largestDrop: FunnelModel['largestDrop'] = null;
  funnelStages.forEach((s, i) => {
    if (s.conversion === null || i + 1 >= funnelStages.length) return;
    if (largestDrop === null || s.conversion < largestDrop.conversion) {
      largestDrop = { stageId: s.stageId, nextStageId: funnelStages[i + 1].stageId, conversion: s.conversion, lost: s.lost ?? 0 };
    }
  });
  return {
    stages: funnelStages,
    purchaseStageId: ordered[purchaseIndex].id,
    largestDrop,
    leads,
    conversion: conversion === null ? null : round4(conversion),
    averageCheck,
    purchaseFrequency,
    revenue: conversion === null || averageCheck === null || purchaseFrequency === null ? null : round2(leads * conversion * averageCheck * purchaseFrequency),
    periodDays,
    window: { from: null, to: null, periods: 0 },
    purchases: 0,
    buyers: 0,
    revenueObserved: 0,
    customers: leads,
    unstagedEvents: 0,
  };
}
