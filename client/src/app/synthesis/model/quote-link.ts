import type { ClusterQuote } from '@tropa/contracts';

/** Where a quote can be read in context: router commands and query params. */
export interface QuoteLink {
  commands: string[];
  queryParams: Record<string, string>;
}

/**
 * A transcript quote opens its session at the utterance; a survey answer opens the
 * survey's responses (with the response id as a hint). Null when the source is unknown.
 */
export function quoteContextLink(projectId: string, quote: ClusterQuote): QuoteLink | null {
  if (quote.sourceType === 'transcript' && quote.sessionId) {
    return {
      commands: ['/projects', projectId, 'sessions', quote.sessionId],
      queryParams: quote.utteranceId ? { utterance: quote.utteranceId } : {},
    };
  }
  if (quote.sourceType === 'survey_answer' && quote.surveyId) {
    return {
      commands: ['/projects', projectId, 'surveys', quote.surveyId, 'responses'],
      queryParams: quote.responseId ? { response: quote.responseId } : {},
    };
  }
  return null;
}
