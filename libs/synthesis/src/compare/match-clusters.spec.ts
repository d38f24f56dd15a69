import { matchClusters } from './match-clusters';
import type { MatchableCluster } from './match-clusters';

const ids = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

describe('matchClusters', () => {
  it('should pair each cluster with the previous one that shares most of its quotes', () => {
    const previous: MatchableCluster[] = [
      { id: 'a', kind: 'job', memberIds: ids('q', 0, 10) },
      { id: 'b', kind: 'theme', memberIds: ids('q', 10, 20) },
    ];
    const next: MatchableCluster[] = [
      { id: 'y', kind: 'theme', memberIds: ids('q', 10, 18) },
      { id: 'x', kind: 'job', memberIds: [...ids('q', 0, 10), 'new1', 'new2'] },
    ];
    const result = matchClusters(previous, next);
    expect(result.pairs.map((p) => [p.previousId, p.nextId, p.change])).toEqual([
      ['b', 'y', 'shrunk'],
      ['a', 'x', 'grown'],
    ]);
    expect(result.pairs[1]).toMatchObject({ shared: 10, sizeBefore: 10, sizeAfter: 12, overlap: 0.8333 });
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('should report new and gone clusters when overlap is below the threshold', () => {
    const previous: MatchableCluster[] = [{ id: 'a', kind: 'theme', memberIds: ids('q', 0, 10) }];
    const next: MatchableCluster[] = [
      { id: 'x', kind: 'theme', memberIds: ['q0', 'q1', ...ids('r', 0, 10)] },
      { id: 'z', kind: 'theme', memberIds: ids('s', 0, 3) },
    ];
    const result = matchClusters(previous, next);
    expect(result.pairs).toEqual([]);
    expect(result.added).toEqual(['x', 'z']);
    expect(result.removed).toEqual(['a']);
  });

  it('should let a theme become a job but never match a touchpoint with a theme', () => {
    const previous: MatchableCluster[] = [
      { id: 'theme', kind: 'theme', memberIds: ids('q', 0, 5) },
      { id: 'tp', kind: 'touchpoint', memberIds: ids('q', 0, 5) },
    ];
    const next: MatchableCluster[] = [{ id: 'job', kind: 'job', memberIds: ids('q', 0, 5) }];
    const result = matchClusters(previous, next);
    expect(result.pairs.map((p) => [p.previousId, p.nextId, p.change])).toEqual([['theme', 'job', 'same']]);
    expect(result.removed).toEqual(['tp']);
  });

  it('should use each cluster once when two next clusters overlap the same previous one', () => {
    const previous: MatchableCluster[] = [{ id: 'a', kind: 'theme', memberIds: ids('q', 0, 10) }];
    const next: MatchableCluster[] = [
      { id: 'half1', kind: 'theme', memberIds: ids('q', 0, 4) },
      { id: 'half2', kind: 'theme', memberIds: ids('q', 4, 10) },
    ];
    const result = matchClusters(previous, next);
    expect(result.pairs.map((p) => p.nextId)).toEqual(['half2']);
    expect(result.added).toEqual(['half1']);
  });

  it('should return nothing to pair when either run is empty', () => {
    expect(matchClusters([], [{ id: 'x', kind: 'job', memberIds: ['q'] }])).toEqual({ pairs: [], added: ['x'], removed: [] });
    expect(matchClusters([{ id: 'a', kind: 'job', memberIds: ['q'] }], [])).toEqual({ pairs: [], added: [], removed: ['a'] });
  });
});
