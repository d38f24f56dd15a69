import { funnelFromMetrics } from './funnel-from-metrics';
import { whatIf } from './funnel-model';

const stages = [
  { id: 'aw', order: 1 },
  { id: 'co', order: 2 },
  { id: 'pu', order: 3 },
  { id: 'lo', order: 4 },
];

describe('funnelFromMetrics', () => {
  it('should derive conversions from leads and compute revenue as L × C × P × Q', () => {
    const model = funnelFromMetrics(stages, [
      { stageId: 'aw', leads: 1000 },
      { stageId: 'co', leads: 400 },
      { stageId: 'pu', leads: 100, averageCheck: 50, purchaseFrequency: 2 },
      { stageId: 'lo', leads: 60 },
    ])!;
    expect(model.stages.map((s) => s.conversion)).toEqual([0.4, 0.25, 0.6, null]);
    expect(model.purchaseStageId).toBe('pu');
    expect(model.conversion).toBe(0.1);
    expect(model.revenue).toBe(1000 * 0.1 * 50 * 2);
    expect(model.largestDrop).toMatchObject({ stageId: 'co', nextStageId: 'pu', conversion: 0.25 });
  });

  it('should prefer an entered conversion and let the what-if move it', () => {
    const model = funnelFromMetrics(stages, [
      { stageId: 'aw', leads: 1000, conversion: 0.5 },
      { stageId: 'co', leads: 400, conversion: 0.2 },
      { stageId: 'pu', averageCheck: 100, purchaseFrequency: 1 },
    ])!;
    expect(model.revenue).toBe(1000 * 0.5 * 0.2 * 100);
    const result = whatIf(model, { stageId: 'co', conversion: 0.3 });
    expect(result.revenueAfter).toBe(1000 * 0.5 * 0.3 * 100);
    expect(result.delta).toBe(5000);
    expect(() => whatIf(model, { stageId: 'co', conversion: 1.2 })).toThrow(/above 100/);
  });

  it('should read no drop into stages after the last one anybody reached', () => {
    const model = funnelFromMetrics(stages, [
      { stageId: 'aw', leads: 100, conversion: 0.5 },
      { stageId: 'co', leads: 50, conversion: 0.2 },
      { stageId: 'pu', leads: 10, conversion: 0, averageCheck: 10, purchaseFrequency: 1 },
      { stageId: 'lo', leads: 0, conversion: null },
    ])!;
    expect(model.stages.map((s) => s.conversion)).toEqual([0.5, 0.2, null, null]);
    expect(model.largestDrop?.stageId).toBe('co');
  });

  it('should have no revenue when a factor is unknown, and no model without any metric', () => {
    expect(funnelFromMetrics(stages, [{ stageId: 'aw', leads: 10 }])?.revenue).toBeNull();
    expect(funnelFromMetrics(stages, [])).toBeNull();
  });
});
