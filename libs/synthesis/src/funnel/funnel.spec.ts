import { channelHandOffs } from './channel-hand-offs';
import { FunnelInputError } from './funnel-error';
import { buildFunnel, whatIf } from './funnel-model';
import type { CustomerEvent, FunnelStageInput } from './funnel.types';

const STAGES: FunnelStageInput[] = [
  { id: 'co', order: 3, name: 'Consideration' },
  { id: 'aw', order: 1, name: 'Awareness' },
  { id: 'int', order: 2, name: 'Interest' },
  { id: 'pu', order: 4, name: 'Purchase' },
];

const event = (customerId: string, stageId: string | null, touchpointId: string | null, day: number, amount: number | null = null, hour = 12): CustomerEvent => ({
  customerId,
  stageId,
  touchpointId,
  at: new Date(Date.UTC(2024, 0, day, hour)),
  amount,
});

/** Five customers in January: c1 and c2 buy, c3 stops at Interest, c4 at Awareness, c5 at Consideration. */
const EVENTS: CustomerEvent[] = [
  event('c1', 'aw', 'site', 1, null, 9),
  event('c2', 'aw', 'ads', 1, null, 10),
  event('c1', 'co', 'chat', 2, null, 9),
  event('c2', 'int', 'site', 2, null, 10),
  event('c3', 'aw', 'site', 2, null, 11),
  event('c1', 'pu', 'store', 3, 100),
  event('c3', 'int', 'chat', 3),
  event('c4', 'aw', 'ads', 3),
  event('c5', 'aw', 'site', 4),
  event('c2', 'pu', 'site', 5, 200),
  event('c5', 'int', 'site', 5),
  event('c5', 'co', 'chat', 6),
  event('c1', 'pu', 'store', 20, 50),
];

function catchError(fn: () => unknown): FunnelInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunnelInputError) return error;
    throw error;
  }
  throw new Error('expected a FunnelInputError');
}

describe('buildFunnel', () => {
  const model = buildFunnel(EVENTS, { stages: STAGES });

  it('should count leads per stage as customers reaching it or a later stage', () => {
    expect(model.stages.map((s) => [s.stageId, s.leads, s.observed])).toEqual([
      ['aw', 5, 5],
      ['int', 4, 3],
      ['co', 3, 2],
      ['pu', 2, 2],
    ]);
  });

  it('should compute the conversion to the next stage and find the largest drop', () => {
    expect(model.stages.map((s) => s.conversion)).toEqual([0.8, 0.75, 0.6667, null]);
    expect(model.stages.map((s) => s.lost)).toEqual([1, 1, 1, null]);
    expect(model.largestDrop).toEqual({ stageId: 'co', nextStageId: 'pu', conversion: 0.6667, lost: 1 });
  });

  it('should compute P as the mean amount of purchase events and Q per buyer per period', () => {
    expect(model.purchases).toBe(3);
    expect(model.buyers).toBe(2);
    expect(model.averageCheck).toBeCloseTo(350 / 3, 4);
    // 19 days of events is less than one 30-day period: Q = 3 purchases / 2 buyers.
    expect(model.window).toEqual({ from: '2024-01-01T09:00:00.000Z', to: '2024-01-20T12:00:00.000Z', periods: 1 });
    expect(model.purchaseFrequency).toBe(1.5);
    const weekly = buildFunnel(EVENTS, { stages: STAGES, periodDays: 7 });
    expect(weekly.purchaseFrequency).toBeCloseTo(1.5 / ((19 * 24 + 3) / (7 * 24)), 3);
  });

  it('should compute revenue as leads at the first stage × conversion to purchase × P × Q', () => {
    expect(model.purchaseStageId).toBe('pu');
    expect(model.leads).toBe(5);
    expect(model.conversion).toBe(0.4);
    expect(model.revenue).toBe(350);
    expect(model.revenueObserved).toBe(350);
  });

  it('should place an event by its touchpoint stage when the event has no stage', () => {
    const events = [event('x', null, 'ads', 1), event('y', null, 'fax', 1), event('y', 'int', null, 2)];
    const funnel = buildFunnel(events, { stages: STAGES, touchpointStages: { ads: 'aw' } });
    expect(funnel.stages.map((s) => s.leads)).toEqual([2, 1, 0, 0]);
    expect(funnel.unstagedEvents).toBe(1);
    expect(funnel.revenue).toBeNull();
  });

  it('should refuse a negative amount, an unknown stage and a bad period naming the field', () => {
    expect(catchError(() => buildFunnel([event('c', 'aw', null, 1, -5)], { stages: STAGES }))).toMatchObject({ field: 'events[0].amount', code: 'out_of_range' });
    expect(catchError(() => buildFunnel([event('c', 'nope', null, 1)], { stages: STAGES }))).toMatchObject({ field: 'events[0].stageId', code: 'unknown_stage' });
    expect(catchError(() => buildFunnel(EVENTS, { stages: STAGES, periodDays: 0 }))).toMatchObject({ field: 'periodDays' });
    expect(catchError(() => buildFunnel(EVENTS, { stages: STAGES, purchaseStageId: 'nope' }))).toMatchObject({ field: 'purchaseStageId' });
  });
});

describe('whatIf', () => {
  const model = buildFunnel(EVENTS, { stages: STAGES });

  it('should raise revenue in proportion when a stage before the purchase converts better', () => {
    const result = whatIf(model, { stageId: 'co', conversionDelta: 0.1 });
    expect(result).toMatchObject({ conversionBefore: 0.6667, conversionAfter: 0.7667, overallConversionBefore: 0.4, overallConversionAfter: 0.46, revenueBefore: 350, affectsRevenue: true });
    expect(result.revenueAfter).toBeCloseTo(402.5, 1);
    expect(result.delta).toBeCloseTo(52.5, 1);
  });

  it('should accept a new conversion value instead of a delta', () => {
    expect(whatIf(model, { stageId: 'aw', conversion: 1 }).revenueAfter).toBeCloseTo(437.5, 1);
  });

  it('should refuse a conversion above 100 % with the field at fault', () => {
    const error = catchError(() => whatIf(model, { stageId: 'co', conversionDelta: 0.5 }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ field: 'conversionDelta', code: 'out_of_range', message: 'A conversion cannot be above 100 %' });
    expect(catchError(() => whatIf(model, { stageId: 'co', conversion: 1.2 }))).toMatchObject({ field: 'conversion', code: 'out_of_range' });
  });

  it('should refuse a conversion below 0 %', () => {
    expect(catchError(() => whatIf(model, { stageId: 'aw', conversionDelta: -0.9 }))).toMatchObject({ field: 'conversionDelta', code: 'out_of_range' });
  });

  it('should refuse an unknown stage, the last stage and a change given twice', () => {
    expect(catchError(() => whatIf(model, { stageId: 'x', conversionDelta: 0.1 }))).toMatchObject({ field: 'stageId', code: 'unknown_stage' });
    expect(catchError(() => whatIf(model, { stageId: 'pu', conversionDelta: 0.1 }))).toMatchObject({ field: 'stageId', code: 'no_conversion' });
    expect(catchError(() => whatIf(model, { stageId: 'aw', conversion: 0.5, conversionDelta: 0.1 }))).toMatchObject({ field: 'conversionDelta', code: 'invalid_value' });
  });

  it('should leave revenue unchanged when the stage is at or after the purchase stage', () => {
    const early = buildFunnel(EVENTS, { stages: STAGES, purchaseStageId: 'co' });
    const result = whatIf(early, { stageId: 'co', conversionDelta: 0.1 });
    expect(result.affectsRevenue).toBe(false);
    expect(result.delta).toBe(0);
  });
});

describe('channelHandOffs', () => {
  const matrix = channelHandOffs(EVENTS);

  it('should list touchpoints in order of first appearance', () => {
    expect(matrix.touchpointIds).toEqual(['site', 'ads', 'chat', 'store']);
  });

  it('should count hand-offs between channels and the customers lost after each', () => {
    expect(matrix.handOffs).toEqual([
      { from: 'site', to: 'chat', customers: 3, transitions: 3, lost: 2, lostWithoutPurchase: 2, lossRate: 0.6667 },
      { from: 'ads', to: 'site', customers: 1, transitions: 1, lost: 1, lostWithoutPurchase: 0, lossRate: 1 },
      { from: 'chat', to: 'store', customers: 1, transitions: 1, lost: 1, lostWithoutPurchase: 0, lossRate: 1 },
    ]);
  });

  it('should not count a customer as lost when an event follows the hand-off', () => {
    const result = channelHandOffs([event('a', 'aw', 'site', 1), event('a', 'int', 'chat', 2), event('a', 'co', null, 3)]);
    expect(result.handOffs).toEqual([{ from: 'site', to: 'chat', customers: 1, transitions: 1, lost: 0, lostWithoutPurchase: 0, lossRate: 0 }]);
  });
});
