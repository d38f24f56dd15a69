import { segmentText } from './highlight-segments';

describe('segmentText', () => {
  const view = (text: string, spans: Array<[string, number, number]>) =>
    segmentText(
      text,
      spans.map(([id, start, end]) => ({ id, start, end })),
    ).map((segment) => [segment.text, segment.highlightIds.join('+')]);

  it('should return the whole text as one plain run when there are no highlights', () => {
    expect(view('Hello world', [])).toEqual([['Hello world', '']]);
  });

  it('should split around a highlight in the middle', () => {
    expect(view('Hello big world', [['a', 6, 9]])).toEqual([
      ['Hello ', ''],
      ['big', 'a'],
      [' world', ''],
    ]);
  });

  it('should cut overlapping highlights at every boundary and list the shorter one first', () => {
    expect(view('abcdefgh', [['long', 1, 6], ['short', 4, 8]])).toEqual([
      ['a', ''],
      ['bcd', 'long'],
      ['ef', 'short+long'],
      ['gh', 'short'],
    ]);
  });

  it('should keep a nested highlight inside its container', () => {
    expect(view('abcdef', [['outer', 0, 6], ['inner', 2, 4]])).toEqual([
      ['ab', 'outer'],
      ['cd', 'inner+outer'],
      ['ef', 'outer'],
    ]);
  });

  it('should merge adjacent runs covered by the same highlights', () => {
    expect(view('abcdef', [['a', 0, 3], ['b', 3, 3]])).toEqual([
      ['abc', 'a'],
      ['def', ''],
    ]);
  });

  it('should clamp spans beyond the text and ignore empty or inverted ones', () => {
    expect(view('abc', [['a', -2, 2], ['b', 2, 99], ['c', 2, 1]])).toEqual([
      ['ab', 'a'],
      ['c', 'b'],
    ]);
  });

  it('should return nothing for an empty text', () => {
    expect(view('', [['a', 0, 3]])).toEqual([]);
  });
});
