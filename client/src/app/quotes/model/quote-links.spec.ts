import { aQuote } from '../../testing/factories';
import { quotePlace, toggleAll, toggleOne } from './quote-links';

describe('quotePlace', () => {
  it('should open the session at the utterance when the quote comes from a transcript', () => {
    expect(quotePlace('p1', aQuote({ sessionId: 's1', utteranceId: 'u7' }))).toEqual({
      commands: ['/projects', 'p1', 'sessions', 's1'],
      queryParams: { utterance: 'u7' },
    });
  });

  it('should open the survey responses at the response when the quote is a survey answer', () => {
    const quote = aQuote({ sourceType: 'survey_answer', sessionId: null, utteranceId: null, surveyId: 'v1', responseId: 'r1', questionName: 'job' });

    expect(quotePlace('p1', quote)).toEqual({ commands: ['/projects', 'p1', 'surveys', 'v1', 'responses'], queryParams: { response: 'r1' } });
  });

  it('should give no place when the source is missing', () => {
    expect(quotePlace('p1', aQuote({ sessionId: null }))).toBeNull();
  });
});

describe('selection', () => {
  it('should select the whole page when some of it is unselected and keep other pages', () => {
    expect([...toggleAll(new Set(['a', 'x']), ['a', 'b'])].sort()).toEqual(['a', 'b', 'x']);
  });

  it('should unselect the page when all of it is selected', () => {
    expect([...toggleAll(new Set(['a', 'b', 'x']), ['a', 'b'])]).toEqual(['x']);
  });

  it('should flip one quote', () => {
    expect([...toggleOne(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggleOne(new Set(['a']), 'a')]).toEqual([]);
  });
});
