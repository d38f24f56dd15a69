import type { MapDiffResponse } from '@tropa/contracts';
import { emotionDeltas, groupDiff, kpiDeltas, unreviewedCount } from './map-diff';

const stages = [
  { id: 'purchase', name: 'Purchase', order: 2 },
  { id: 'awareness', name: 'Awareness', order: 1 },
];

function diff(overrides: Partial<MapDiffResponse> = {}): MapDiffResponse {
  return { from: { kind: 'version', id: 'v1', number: 1 }, to: { kind: 'working' }, added: [], removed: [], changed: [], emotion: [], kpis: [], ...overrides };
}

describe('map-diff', () => {
  it('should group added, removed and changed findings by stage in map order then lane', () => {
    const groups = groupDiff(
      diff({
        added: [
          { key: 'a', lane: 'pains', stageId: 'purchase', text: 'Card terminal fails' },
          { key: 'b', lane: 'jobs', stageId: 'awareness', text: 'Find a place nearby' },
        ],
        removed: [{ key: 'c', lane: 'pains', stageId: 'awareness', text: 'No ads' }],
        changed: [{ key: 'd', lane: 'pains', stageId: 'awareness', before: 'Queue', after: 'Long queue' }],
      }),
      stages,
    );

    expect(groups.map((group) => group.stageName)).toEqual(['Awareness', 'Purchase']);
    expect(groups[0].lanes.map((lane) => lane.lane)).toEqual(['jobs', 'pains']);
    expect(groups[0].lanes[1]).toEqual({
      lane: 'pains',
      added: [],
      removed: [{ key: 'c', text: 'No ads' }],
      changed: [{ key: 'd', before: 'Queue', after: 'Long queue' }],
    });
    expect(groups[1].lanes[0].added).toEqual([{ key: 'a', text: 'Card terminal fails' }]);
  });

  it('should put a stage the map no longer has last, named by its id', () => {
    const groups = groupDiff(diff({ removed: [{ key: 'x', lane: 'gains', stageId: 'old-stage', text: 'Free coffee' }] }), stages);

    expect(groups).toEqual([{ stageId: 'old-stage', stageName: 'old-stage', lanes: [{ lane: 'gains', added: [], removed: [{ key: 'x', text: 'Free coffee' }], changed: [] }] }]);
  });

  it('should list emotion changes per stage and skip stages without emotion', () => {
    const rows = emotionDeltas(
      diff({
        emotion: [
          { stageId: 'purchase', before: -0.5, after: 0.25 },
          { stageId: 'awareness', before: null, after: null },
        ],
      }),
      stages,
    );

    expect(rows).toEqual([{ stageId: 'purchase', stageName: 'Purchase', before: -0.5, after: 0.25, delta: 0.75 }]);
  });

  it('should list changed KPIs by stage and leave out unchanged ones', () => {
    const rows = kpiDeltas(
      diff({
        kpis: [
          { stageId: 'purchase', kpi: 'P', before: 40, after: 45 },
          { stageId: 'awareness', kpi: 'L', before: 100, after: 100 },
          { stageId: 'awareness', kpi: 'conversion', before: 0.4, after: null },
        ],
      }),
      stages,
    );

    expect(rows).toEqual([
      { stageId: 'awareness', stageName: 'Awareness', kpi: 'conversion', before: 0.4, after: null, delta: null },
      { stageId: 'purchase', stageName: 'Purchase', kpi: 'P', before: 40, after: 45, delta: 5 },
    ]);
  });

  it('should count the findings still proposed as unreviewed', () => {
    expect(unreviewedCount([{ status: 'proposed' }, { status: 'accepted' }, { status: 'proposed' }, { status: 'edited' }, { status: 'rejected' }])).toBe(2);
  });
});
