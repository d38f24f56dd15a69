import { aTag } from '../../testing/factories';
import { allowedTargets, buildTagTree, deletionImpact, filterTagTree, flattenTagTree, subtreeIds, tagPath, visibleTagRows } from './tag-tree';

const pain = aTag({ id: 'pain', name: 'Pain', kind: 'pain' });
const waiting = aTag({ id: 'waiting', name: 'Waiting', kind: 'pain', parentId: 'pain' });
const queue = aTag({ id: 'queue', name: 'Queue', kind: 'pain', parentId: 'waiting' });
const price = aTag({ id: 'price', name: 'Price', kind: 'pain', parentId: 'pain' });
const joy = aTag({ id: 'joy', name: 'Joy', kind: 'emotion', valence: 2 });

describe('buildTagTree', () => {
  it('should nest children under their parents in the order they came when the list is flat', () => {
    const rows = flattenTagTree(buildTagTree([queue, joy, price, pain, waiting]));

    expect(rows.map((row) => [row.tag.name, row.depth])).toEqual([
      ['Joy', 0],
      ['Pain', 0],
      ['Price', 1],
      ['Waiting', 1],
      ['Queue', 2],
    ]);
    expect(rows.find((row) => row.tag.id === 'waiting')?.hasChildren).toBe(true);
    expect(rows.find((row) => row.tag.id === 'queue')?.hasChildren).toBe(false);
  });

  it('should make a tag a root when its parent is not in the list', () => {
    const tree = buildTagTree([queue]);

    expect(tree.map((node) => node.tag.id)).toEqual(['queue']);
    expect(tree[0].depth).toBe(0);
  });

  it('should cut a cycle instead of looping when parents point at each other', () => {
    const a = aTag({ id: 'a', name: 'A', parentId: 'b' });
    const b = aTag({ id: 'b', name: 'B', parentId: 'a' });
    const child = aTag({ id: 'c', name: 'C', parentId: 'a' });

    const rows = flattenTagTree(buildTagTree([a, b, child]));

    expect(rows.map((row) => row.tag.id).sort()).toEqual(['a', 'b', 'c']);
    expect(rows.find((row) => row.tag.id === 'c')?.depth).toBe(1);
  });
});

describe('filterTagTree', () => {
  const tree = buildTagTree([pain, waiting, queue, price, joy]);

  it('should keep a match with the ancestors that lead to it when searching by name', () => {
    const rows = flattenTagTree(filterTagTree(tree, { q: 'QUE' }));

    expect(rows.map((row) => row.tag.name)).toEqual(['Pain', 'Waiting', 'Queue']);
  });

  it('should keep only tags of the kind when filtering by kind', () => {
    const rows = flattenTagTree(filterTagTree(tree, { kind: 'emotion' }));

    expect(rows.map((row) => row.tag.name)).toEqual(['Joy']);
  });

  it('should keep everything when the filter is empty', () => {
    expect(flattenTagTree(filterTagTree(tree, { q: '  ', kind: null }))).toHaveLength(5);
  });

  it('should keep nothing when no name matches', () => {
    expect(filterTagTree(tree, { q: 'delivery' })).toEqual([]);
  });
});

describe('subtreeIds and allowedTargets', () => {
  const tags = [pain, waiting, queue, price, joy];

  it('should hold the tag and all its descendants', () => {
    expect([...subtreeIds(tags, 'pain')].sort()).toEqual(['pain', 'price', 'queue', 'waiting']);
  });

  it('should offer as parent every tag but itself and its descendants', () => {
    expect(allowedTargets(tags, 'waiting').map((tag) => tag.id)).toEqual(['pain', 'price', 'joy']);
  });

  it('should offer every tag for a new tag', () => {
    expect(allowedTargets(tags, null)).toHaveLength(5);
  });
});

describe('tagPath', () => {
  it('should name the tag with its ancestors', () => {
    expect(tagPath([pain, waiting, queue], 'queue')).toBe('Pain › Waiting › Queue');
  });
});

describe('visibleTagRows', () => {
  const rows = flattenTagTree(buildTagTree([pain, waiting, queue, price, joy]));

  it('should hide the descendants of a collapsed tag and keep its siblings', () => {
    expect(visibleTagRows(rows, new Set(['waiting'])).map((row) => row.tag.name)).toEqual(['Pain', 'Waiting', 'Price', 'Joy']);
  });

  it('should hide the whole branch when a root is collapsed', () => {
    expect(visibleTagRows(rows, new Set(['pain'])).map((row) => row.tag.name)).toEqual(['Pain', 'Joy']);
  });

  it('should show everything when nothing is collapsed', () => {
    expect(visibleTagRows(rows, new Set())).toHaveLength(5);
  });
});

describe('deletionImpact', () => {
  it('should count the sub-tags and their quotes that go with a tag', () => {
    const tags = [pain, { ...waiting, usage: 2 }, { ...queue, usage: 3 }, { ...price, usage: 1 }, joy];

    expect(deletionImpact(tags, 'waiting')).toEqual({ children: 1, childUsage: 3 });
    expect(deletionImpact(tags, 'pain')).toEqual({ children: 3, childUsage: 6 });
    expect(deletionImpact(tags, 'joy')).toEqual({ children: 0, childUsage: 0 });
  });
});
