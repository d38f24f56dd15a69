import { aHighlight, aTag } from '../testing/coding-factories';
import type { HighlightContext } from './highlight-rows';
import { RowHighlightIndex, quotesByUtterance, toRowHighlight } from './highlight-rows';

describe('highlight rows', () => {
  const context: HighlightContext = {
    tags: new Map([
      ['pain', aTag({ id: 'pain', name: 'Pain', color: '#ff0000' })],
      ['speed', aTag({ id: 'speed', name: 'Speed', color: '#0000ff' })],
    ]),
    coderName: (userId) => (userId === 'user-1' ? 'Anna' : 'Boris'),
    isOthers: (quote) => quote.id === 'theirs',
    untaggedLabel: 'No tags',
  };

  it('should label a highlight with its tags and who applied each, in its tags\' colours', () => {
    const quote = aHighlight({
      tags: [
        { tagId: 'pain', appliedBy: 'user-1' },
        { tagId: 'speed', appliedBy: 'user-1' },
        { tagId: 'pain', appliedBy: 'user-2' },
      ],
    });

    expect(toRowHighlight(quote, context)).toEqual({
      id: 'quote-1',
      start: 0,
      end: 4,
      colors: ['#ff0000', '#0000ff'],
      label: 'Pain (Anna, Boris); Speed (Anna)',
      others: false,
    });
    expect(toRowHighlight(aHighlight({ id: 'theirs' }), context)).toMatchObject({ label: 'No tags', others: true, colors: [] });
  });

  it('should group quotes by utterance ordered by start', () => {
    const index = quotesByUtterance([
      aHighlight({ id: 'b', utteranceId: 'u1', start: 5, end: 9 }),
      aHighlight({ id: 'a', utteranceId: 'u1', start: 0, end: 3 }),
      aHighlight({ id: 'c', utteranceId: 'u2' }),
      aHighlight({ id: 'survey', utteranceId: null }),
    ]);

    expect([...index.entries()].map(([id, quotes]) => [id, quotes.map((quote) => quote.id)])).toEqual([
      ['u1', ['a', 'b']],
      ['u2', ['c']],
    ]);
  });

  it('should hand back the same array for a row whose quotes did not change', () => {
    const index = new RowHighlightIndex();
    const unchanged = aHighlight({ id: 'a', utteranceId: 'u1' });
    const first = index.build(quotesByUtterance([unchanged, aHighlight({ id: 'b', utteranceId: 'u2' })]), context);

    const second = index.build(quotesByUtterance([unchanged, aHighlight({ id: 'b', utteranceId: 'u2', end: 2 })]), context);

    expect(second.get('u1')).toBe(first.get('u1'));
    expect(second.get('u2')).not.toBe(first.get('u2'));
    expect(second.get('u2')?.[0].end).toBe(2);
  });
});
