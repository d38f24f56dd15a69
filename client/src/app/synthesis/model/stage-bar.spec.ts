import { someStages } from '../../testing/factories';
import { stageSegments } from './stage-bar';

describe('stageSegments', () => {
  const stages = someStages(['Discover', 'Choose', 'Buy']);

  it('should order the segments by journey stage and give their percentages when the shares add up to 1', () => {
    const segments = stageSegments({ 'stage-3': 0.25, 'stage-1': 0.75 }, stages);

    expect(segments.map((segment) => [segment.name, segment.percent, segment.index])).toEqual([
      ['Discover', 75, 0],
      ['Buy', 25, 2],
    ]);
  });

  it('should normalise shares that do not add up to 1 so the bar is full', () => {
    const segments = stageSegments({ 'stage-1': 0.2, 'stage-2': 0.2 }, stages);

    expect(segments.map((segment) => segment.share)).toEqual([0.5, 0.5]);
  });

  it('should pool the shares of stages the project no longer has into one unknown segment at the end', () => {
    const segments = stageSegments({ 'stage-2': 0.5, gone: 0.3, 'also-gone': 0.2 }, stages);

    expect(segments).toHaveLength(2);
    expect(segments[1]).toMatchObject({ stageId: null, name: null, percent: 50, index: -1 });
  });

  it('should leave out empty stages and return nothing when there is no distribution', () => {
    expect(stageSegments({ 'stage-1': 0, 'stage-2': 1 }, stages).map((segment) => segment.stageId)).toEqual(['stage-2']);
    expect(stageSegments({}, stages)).toEqual([]);
  });
});
