import type { FunnelResponse, FunnelStage } from '@tropa/contracts';
import { funnelRows, funnelSeries, largestDrop, revenueFactors } from './funnel-view';

const stages = [
  { id: 'consideration', name: 'Consideration', order: 2 },
  { id: 'awareness', name: 'Awareness', order: 1 },
  { id: 'purchase', name: 'Purchase', order: 3 },
];

function stage(stageId: string, overrides: Partial<FunnelStage> = {}): FunnelStage {
  return { stageId, leads: null, conversion: null, averageCheck: null, purchasesPerCustomer: null, source: 'events', ...overrides };
}

function funnel(overrides: Partial<FunnelResponse> = {}): FunnelResponse {
  return {
    stages: [
      stage('awareness', { leads: 1000, conversion: 0.4 }),
      stage('consideration', { leads: 400, conversion: 0.25 }),
      stage('purchase', { leads: 100, averageCheck: 50, purchasesPerCustomer: 2 }),
    ],
    largestDropStageId: 'consideration',
    revenue: 10000,
    periodDays: 30,
    handoffs: [],
    ...overrides,
  };
}

describe('funnel-view', () => {
  it('should order the stages as the map does and count the leads lost before the next stage', () => {
    const rows = funnelRows(funnel(), stages);

    expect(rows.map((row) => row.name)).toEqual(['Awareness', 'Consideration', 'Purchase']);
    expect(rows.map((row) => row.lost)).toEqual([600, 300, null]);
    expect(rows.map((row) => row.nextName)).toEqual(['Consideration', 'Purchase', null]);
  });

  it('should mark the largest drop and name its stage', () => {
    const rows = funnelRows(funnel(), stages);

    expect(rows.filter((row) => row.isLargestDrop).map((row) => row.stageId)).toEqual(['consideration']);
    expect(largestDrop(rows)).toEqual({ stageId: 'consideration', stageName: 'Consideration', nextName: 'Purchase', conversion: 0.25, lost: 300 });
  });

  it('should have no largest drop when the server names none', () => {
    expect(largestDrop(funnelRows(funnel({ largestDropStageId: null }), stages))).toBeNull();
  });

  it('should keep a stage the funnel does not know with empty KPIs', () => {
    const rows = funnelRows(funnel({ stages: [stage('awareness', { leads: 10 })] }), stages);

    expect(rows[1]).toMatchObject({ stageId: 'consideration', leads: null, conversion: null, source: null, lost: null });
    expect(rows[0].lost).toBeNull();
  });

  it('should draw stages without leads as zero bars', () => {
    const rows = funnelRows(funnel({ stages: [stage('awareness', { leads: 10 })] }), stages);

    expect(funnelSeries(rows)).toEqual([
      { name: 'Awareness', value: 10 },
      { name: 'Consideration', value: 0 },
      { name: 'Purchase', value: 0 },
    ]);
  });

  it('should take L at the first stage, C up to the purchase stage, P and Q at the purchase stage', () => {
    const factors = revenueFactors(funnelRows(funnel(), stages));

    expect(factors).toEqual({ leads: 1000, conversion: 0.1, averageCheck: 50, purchasesPerCustomer: 2, purchaseStageName: 'Purchase' });
    expect(factors.leads! * factors.conversion! * factors.averageCheck! * factors.purchasesPerCustomer!).toBe(10000);
  });

  it('should leave C unknown when a conversion before the purchase stage is missing or there is no average check', () => {
    const gap = funnel({ stages: [stage('awareness', { leads: 1000 }), stage('consideration', { conversion: 0.5 }), stage('purchase', { averageCheck: 50 })] });
    expect(revenueFactors(funnelRows(gap, stages)).conversion).toBeNull();

    const noCheck = funnel({ stages: [stage('awareness', { leads: 1000, conversion: 0.4 })] });
    expect(revenueFactors(funnelRows(noCheck, stages))).toMatchObject({ conversion: null, averageCheck: null, purchaseStageName: null });
  });
});
