import { splitIds } from './id-lists';

describe('splitIds', () => {
  it('should read no ids from an empty or missing string and every id from a joined one', () => {
    expect(splitIds('')).toEqual([]);
    expect(splitIds(null)).toEqual([]);
    expect(splitIds('a1,b2,c3')).toEqual(['a1', 'b2', 'c3']);
  });
});
