import { JOURNEY_LANES } from '@tropa/contracts';
import { aFunnelResponse, aFunnelStage, aMapFinding, aMapNote, aWorkingMap, anEmotionPoint } from '../../testing/factories';
import { buildGrid, formatPercent, formatScore, laneEmotion, parseCollapsedLanes, stageKpis, strengthBadge, toggleLane } from './journey-grid';

describe('buildGrid', () => {
  const map = aWorkingMap(['Awareness', 'Purchase'], {
    stages: [
      { id: 'stage-2', name: 'Purchase', order: 2 },
      { id: 'stage-1', name: 'Awareness', order: 1 },
    ],
    findings: [
      aMapFinding({ id: 'low', stageId: 'stage-1', lane: 'pains', text: 'Slow site', score: 1 }),
      aMapFinding({ id: 'high', stageId: 'stage-1', lane: 'pains', text: 'Queue', score: 5 }),
      aMapFinding({ id: 'gone', stageId: 'stage-2', lane: 'pains', status: 'rejected', rejectReason: 'Duplicate' }),
      aMapFinding({ id: 'job', stageId: 'stage-2', lane: 'jobs' }),
      aMapFinding({ id: 'stray', stageId: 'stage-9', lane: 'jobs' }),
    ],
    notes: [aMapNote({ id: 'later', createdAt: '2026-01-05T00:00:00.000Z' }), aMapNote({ id: 'earlier', createdAt: '2026-01-02T00:00:00.000Z' })],
  });

  it('should lay stages out in journey order and every lane in the fixed lane order', () => {
    const grid = buildGrid(map, { hideRejected: false });

    expect(grid.stages.map((stage) => stage.name)).toEqual(['Awareness', 'Purchase']);
    expect(grid.lanes.map((lane) => lane.lane)).toEqual(JOURNEY_LANES);
    expect(grid.lanes.every((lane) => lane.cells.map((cell) => cell.stageId).join() === 'stage-1,stage-2')).toBe(true);
  });

  it('should put each finding in its stage and lane cell, best score first, and leave out findings of unknown stages', () => {
    const grid = buildGrid(map, { hideRejected: false });
    const pains = grid.lanes.find((lane) => lane.lane === 'pains')!;
    const jobs = grid.lanes.find((lane) => lane.lane === 'jobs')!;

    expect(pains.cells[0].findings.map((finding) => finding.id)).toEqual(['high', 'low']);
    expect(pains.cells[1].findings.map((finding) => finding.id)).toEqual(['gone']);
    expect(jobs.cells.flatMap((cell) => cell.findings.map((finding) => finding.id))).toEqual(['job']);
    expect(jobs.count).toBe(1);
  });

  it('should drop rejected findings from the cells but still count them when rejected ones are hidden', () => {
    const grid = buildGrid(map, { hideRejected: true });
    const pains = grid.lanes.find((lane) => lane.lane === 'pains')!;

    expect(pains.cells[1].findings).toEqual([]);
    expect(pains.count).toBe(3);
  });

  it('should put notes in their cell, oldest first', () => {
    const grid = buildGrid(map, { hideRejected: false });
    const pains = grid.lanes.find((lane) => lane.lane === 'pains')!;

    expect(pains.cells[0].notes.map((note) => note.id)).toEqual(['earlier', 'later']);
  });
});

describe('collapsed lanes', () => {
  it('should read the stored lanes and ignore unknown or unreadable values', () => {
    expect(parseCollapsedLanes('["pains","nonsense","jobs"]')).toEqual(['jobs', 'pains']);
    expect(parseCollapsedLanes('{not json')).toEqual([]);
    expect(parseCollapsedLanes('"pains"')).toEqual([]);
    expect(parseCollapsedLanes(null)).toEqual([]);
  });

  it('should add a lane in lane order and remove it on a second toggle', () => {
    const collapsed = toggleLane(['pains'], 'jobs');

    expect(collapsed).toEqual(['jobs', 'pains']);
    expect(toggleLane(collapsed, 'pains')).toEqual(['jobs']);
  });
});

describe('strengthBadge', () => {
  it('should mark a finding that rests on one person as weak with its counts', () => {
    expect(strengthBadge(aMapFinding())).toEqual({ level: 'weak', quotes: 1, people: 1, sources: 1, warn: true });
  });

  it('should not warn for strong evidence', () => {
    const badge = strengthBadge(aMapFinding({ strength: { quotes: 9, participants: 5, sources: 3, sessions: 2, surveys: 1, level: 'strong' } }));

    expect(badge).toEqual({ level: 'strong', quotes: 9, people: 5, sources: 3, warn: false });
  });
});

describe('laneEmotion and stageKpis', () => {
  it('should show the persona series of the map when there is one, else everyone', () => {
    const everyone = anEmotionPoint({ mean: 0.5 });
    const parent = anEmotionPoint({ personaId: 'persona-1', mean: -1 });

    expect(laneEmotion([everyone, parent], 'stage-1', 'persona-1')).toBe(parent);
    expect(laneEmotion([everyone, parent], 'stage-1', null)).toBe(everyone);
    expect(laneEmotion([everyone], 'stage-2', null)).toBeNull();
  });

  it('should flag the stage with the largest drop', () => {
    const funnel = aFunnelResponse({
      stages: [aFunnelStage({ stageId: 'stage-1', leads: 100, conversion: 0.2 }), aFunnelStage({ stageId: 'stage-2', leads: 20 })],
      largestDropStageId: 'stage-1',
    });

    expect(stageKpis(funnel, 'stage-1')).toMatchObject({ leads: 100, conversion: 0.2, largestDrop: true });
    expect(stageKpis(funnel, 'stage-2')).toMatchObject({ leads: 20, largestDrop: false });
    expect(stageKpis(funnel, 'stage-3')).toBeNull();
  });

  it('should format scores with a sign and shares as percents', () => {
    expect(formatScore(1.24)).toBe('+1.2');
    expect(formatScore(-0.45)).toBe('−0.5');
    expect(formatScore(-0.01)).toBe('0.0');
    expect(formatPercent(0.456)).toBe('46 %');
  });
});
