import type { EvidenceQuoteResponse } from '@tropa/contracts';

/** Where a quote can be read in context: router commands and query params. */
export interface EvidenceLink {
  commands: string[];
  queryParams: Record<string, string>;
}

/**
 * A transcript quote opens its session at the utterance; a survey answer opens the
 * survey's responses page (with the response as a hint). Null when the source is unknown.
 */
export function evidenceLink(projectId: string, quote: EvidenceQuoteResponse): EvidenceLink | null {
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
