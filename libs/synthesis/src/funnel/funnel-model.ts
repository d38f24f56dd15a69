/**
 * The L·C·P·Q funnel from customer events.
 *
 * - L(stage) = distinct customers whose furthest stage is this one or a later one
 *   (reaching Purchase implies passing Awareness), so L never grows along the funnel.
 * - conversion(stage) = L(next) / L(stage); the largest drop is the stage with the
 *   lowest conversion (ties: more customers lost, then the earlier stage).
 * - P = sum of amounts / number of purchase events (events with an amount).
 * - Q = (purchase events / distinct buyers) / periods, periods = max(1, window / periodDays),
 *   window = first to last event of the file.
 * - Revenue = L × C × P × Q with L = leads at the first stage and C = conversion from
 *   the first stage to the purchase stage, the product of the stage conversions in
 *   between (it equals L(purchase) / L(first)); so L × C = customers reaching the
 *   purchase stage and the revenue is per period.
 */
import { FunnelInputError } from './funnel-error';
import type { CustomerEvent, FunnelDrop, FunnelModel, FunnelOptions, FunnelStage, WhatIfChange, WhatIfResult } from './funnel.types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_PERIOD_DAYS = 30;

function round4(x: number): number {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

export function buildFunnel(events: readonly CustomerEvent[], options: FunnelOptions): FunnelModel {
  const stages = [...options.stages].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (stages.length === 0) throw new FunnelInputError('stages', 'invalid_value', 'The funnel needs at least one stage');
  const periodDays = options.periodDays ?? DEFAULT_PERIOD_DAYS;
  if (!Number.isFinite(periodDays) || periodDays <= 0) throw new FunnelInputError('periodDays', 'out_of_range', 'periodDays must be a positive number of days');
  const position = new Map(stages.map((s, i) => [s.id, i]));
  const touchpointStages = options.touchpointStages ?? {};

  const furthest = new Map<string, number>();
  const observed = stages.map(() => new Set<string>());
  const customers = new Set<string>();
  const buyers = new Set<string>();
  let purchases = 0;
  let revenueObserved = 0;
  let first = Infinity;
  let last = -Infinity;
  let unstagedEvents = 0;
  let earliestPurchaseStage = Infinity;
  events.forEach((event, i) => {
    const time = event.at instanceof Date ? event.at.getTime() : NaN;
    if (!Number.isFinite(time)) throw new FunnelInputError(`events[${i}].at`, 'invalid_value', 'The event has no valid time');
    if (event.amount !== null && (!Number.isFinite(event.amount) || event.amount < 0)) {
      throw new FunnelInputError(`events[${i}].amount`, 'out_of_range', 'An amount must be a non-negative number');
    }
    if (event.stageId !== null && !position.has(event.stageId)) throw new FunnelInputError(`events[${i}].stageId`, 'unknown_stage', `"${event.stageId}" is not a stage of the funnel`);
    customers.add(event.customerId);
    first = Math.min(first, time);
    last = Math.max(last, time);
    const stageId = event.stageId ?? (event.touchpointId !== null ? touchpointStages[event.touchpointId] : undefined);
    const at = stageId === undefined ? undefined : position.get(stageId);
    if (at === undefined) unstagedEvents++;
    else {
      observed[at].add(event.customerId);
      furthest.set(event.customerId, Math.max(furthest.get(event.customerId) ?? -1, at));
    }
    if (event.amount !== null) {
      purchases++;
      revenueObserved += event.amount;
      buyers.add(event.customerId);
      if (at !== undefined) earliestPurchaseStage = Math.min(earliestPurchaseStage, at);
    }
  });

  let purchaseIndex: number;
  if (options.purchaseStageId !== undefined) {
    const index = position.get(options.purchaseStageId);
    if (index === undefined) throw new FunnelInputError('purchaseStageId', 'unknown_stage', `"${options.purchaseStageId}" is not a stage of the funnel`);
    purchaseIndex = index;
  } else purchaseIndex = Number.isFinite(earliestPurchaseStage) ? earliestPurchaseStage : stages.length - 1;

  const reach = stages.map(() => 0);
  for (const f of furthest.values()) for (let i = 0; i <= f; i++) reach[i]++;
  const funnelStages: FunnelStage[] = stages.map((stage, i) => {
    const isLast = i === stages.length - 1;
    const conversion = isLast || reach[i] === 0 ? null : round4(reach[i + 1] / reach[i]);
    return { stageId: stage.id, leads: reach[i], observed: observed[i].size, conversion, lost: isLast ? null : reach[i] - reach[i + 1] };
  });

  let largestDrop: FunnelDrop | null = null;
  funnelStages.forEach((s, i) => {
    if (s.conversion === null || s.lost === null) return;
    const better = !largestDrop || s.conversion < largestDrop.conversion || (s.conversion === largestDrop.conversion && s.lost > largestDrop.lost);
    if (better) largestDrop = { stageId: s.stageId, nextStageId: stages[i + 1].id, conversion: s.conversion, lost: s.lost };
  });

  const periods = Number.isFinite(first) ? Math.max(1, (last - first) / (periodDays * DAY_MS)) : 1;
  const averageCheck = purchases > 0 ? round4(revenueObserved / purchases) : null;
  const purchaseFrequency = buyers.size > 0 ? round4(purchases / buyers.size / periods) : null;
  const leads = reach[0];
  const conversion = chainConversion(
    funnelStages.map((s) => s.conversion),
    leads,
    purchaseIndex,
  );
  return {
    stages: funnelStages,
    purchaseStageId: stages[purchaseIndex].id,
    largestDrop,
    leads,
    conversion,
    averageCheck,
    purchaseFrequency,
    revenue: revenueOf(leads, conversion, averageCheck, purchaseFrequency),
    periodDays,
    window: { from: Number.isFinite(first) ? new Date(first).toISOString() : null, to: Number.isFinite(last) ? new Date(last).toISOString() : null, periods: round4(periods) },
    purchases,
    buyers: buyers.size,
    revenueObserved: round2(revenueObserved),
    customers: customers.size,
    unstagedEvents,
  };
}

/** C: product of the conversions of the stages before the purchase stage; 0 once a stage has no leads; null without leads. */
function chainConversion(conversions: ReadonlyArray<number | null>, leads: number, purchaseIndex: number): number | null {
  if (leads === 0) return null;
  let c = 1;
  for (let i = 0; i < purchaseIndex; i++) c *= conversions[i] ?? 0;
  return round4(c);
}

function revenueOf(l: number, c: number | null, p: number | null, q: number | null): number | null {
  return c === null || p === null || q === null ? null : round2(l * c * p * q);
}

/**
 * Revenue if one stage's conversion changed (`conversion`: the new value, or
 * `conversionDelta`: added to the current one, in shares). Throws FunnelInputError
 * (field `stageId`, `conversion` or `conversionDelta`) for an unknown stage, a stage
 * without a conversion (the last one, no leads), or a result outside 0..1.
 */
export function whatIf(model: FunnelModel, change: WhatIfChange): WhatIfResult {
  const index = model.stages.findIndex((s) => s.stageId === change.stageId);
  if (index < 0) throw new FunnelInputError('stageId', 'unknown_stage', `"${change.stageId}" is not a stage of the funnel`);
  const current = model.stages[index].conversion;
  if (current === null) throw new FunnelInputError('stageId', 'no_conversion', 'This stage has no conversion to a next stage');
  const hasValue = change.conversion !== undefined;
  const hasDelta = change.conversionDelta !== undefined;
  if (hasValue === hasDelta) throw new FunnelInputError('conversionDelta', 'invalid_value', 'Give either conversion or conversionDelta');
  const field = hasValue ? 'conversion' : 'conversionDelta';
  const next = hasValue ? (change.conversion as number) : current + (change.conversionDelta as number);
  if (!Number.isFinite(next)) throw new FunnelInputError(field, 'invalid_value', `${field} must be a number`);
  if (next > 1 + 1e-9) throw new FunnelInputError(field, 'out_of_range', 'A conversion cannot be above 100 %');
  if (next < -1e-9) throw new FunnelInputError(field, 'out_of_range', 'A conversion cannot be below 0 %');
  const after = round4(Math.min(1, Math.max(0, next)));
  const purchaseIndex = model.stages.findIndex((s) => s.stageId === model.purchaseStageId);
  const conversions = model.stages.map((s, i) => (i === index ? after : s.conversion));
  const overallAfter = chainConversion(conversions, model.leads, purchaseIndex);
  const revenueAfter = revenueOf(model.leads, overallAfter, model.averageCheck, model.purchaseFrequency);
  return {
    stageId: change.stageId,
    conversionBefore: current,
    conversionAfter: after,
    overallConversionBefore: model.conversion,
    overallConversionAfter: overallAfter,
    revenueBefore: model.revenue,
    revenueAfter,
    delta: model.revenue === null || revenueAfter === null ? null : round2(revenueAfter - model.revenue),
    affectsRevenue: index < purchaseIndex,
  };
}
