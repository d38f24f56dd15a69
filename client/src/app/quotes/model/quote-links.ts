import type { QuoteResponse } from '@tropa/contracts';

/** Where a quote lives: a router link with its query parameters. */
export interface QuotePlace {
  commands: string[];
  queryParams: Record<string, string>;
}

/** What every kind of quote (a list's, a cluster's, a finding's evidence) tells of its source. */
export type QuoteSource = Pick<QuoteResponse, 'sourceType' | 'sessionId' | 'utteranceId' | 'surveyId' | 'responseId'>;

/**
 * A transcript quote opens its session at the utterance; a survey answer opens the survey's
 * responses with its response open. Null when the source is gone.
 */
export function quotePlace(projectId: string, quote: QuoteSource): QuotePlace | null {
  switch (quote.sourceType) {
    case 'transcript':
      return quote.sessionId
        ? {
            commands: ['/projects', projectId, 'sessions', quote.sessionId],
            queryParams: quote.utteranceId ? { utterance: quote.utteranceId } : {},
          }
        : null;
    case 'survey_answer':
      return quote.surveyId
        ? { commands: ['/projects', projectId, 'surveys', quote.surveyId, 'responses'], queryParams: quote.responseId ? { response: quote.responseId } : {} }
        : null;
  }
}

/** "Select all on page": all when some are unselected, none when all already are. */
export function toggleAll(selected: ReadonlySet<string>, pageIds: readonly string[]): Set<string> {
  const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  return allSelected ? new Set([...selected].filter((id) => !pageIds.includes(id))) : new Set([...selected, ...pageIds]);
}

export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) {
    next.add(id);
  }
  return next;
}
