import { aClusterQuote } from '../../testing/factories';
import { quoteContextLink } from './quote-link';

describe('quoteContextLink', () => {
  it('should open a transcript quote in its session at the utterance', () => {
    expect(quoteContextLink('project-1', aClusterQuote({ sessionId: 'session-7', utteranceId: 'utterance-9' }))).toEqual({
      commands: ['/projects', 'project-1', 'sessions', 'session-7'],
      queryParams: { utterance: 'utterance-9' },
    });
  });

  it('should open a survey answer in the survey responses', () => {
    const quote = aClusterQuote({ sourceType: 'survey_answer', sessionId: null, utteranceId: null, surveyId: 'survey-2', responseId: 'response-5' });

    expect(quoteContextLink('project-1', quote)).toEqual({
      commands: ['/projects', 'project-1', 'surveys', 'survey-2', 'responses'],
      queryParams: { response: 'response-5' },
    });
  });

  it('should give no link when the source is unknown', () => {
    expect(quoteContextLink('project-1', aClusterQuote({ sessionId: null }))).toBeNull();
  });
});
