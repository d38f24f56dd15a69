import type { QuoteResponse, TagResponse } from '@tropa/contracts';
import type { HighlightSpan } from './highlight-segments';

/** What a transcript row needs to draw one highlight. */
export interface RowHighlight extends HighlightSpan {
  /** Colours of its tags, in the order applied. */
  colors: string[];
  /** "Pain (Anna, Boris); Delivery (Anna)": its tags and who applied them. */
  label: string;
  /** Another coder's highlight, shown while comparing in a blind-coded session. */
  others: boolean;
}

export interface HighlightContext {
  tags: ReadonlyMap<string, TagResponse>;
  coderName: (userId: string | null) => string;
  isOthers: (quote: QuoteResponse) => boolean;
  untaggedLabel: string;
}

export function toRowHighlight(quote: QuoteResponse, context: HighlightContext): RowHighlight {
  const coders = new Map<string, string[]>();
  for (const application of quote.tags) {
    const names = coders.get(application.tagId) ?? [];
    names.push(context.coderName(application.appliedBy));
    coders.set(application.tagId, names);
  }
  const tags = [...coders.keys()].map((tagId) => context.tags.get(tagId)).filter((tag): tag is TagResponse => tag !== undefined);
  return {
    id: quote.id,
    start: quote.start,
    end: quote.end,
    colors: tags.map((tag) => tag.color),
    label: tags.length ? tags.map((tag) => `${tag.name} (${(coders.get(tag.id) ?? []).join(', ')})`).join('; ') : context.untaggedLabel,
    others: context.isOthers(quote),
  };
}

/** Transcript quotes by utterance, ordered by where they start. */
export function quotesByUtterance(quotes: readonly QuoteResponse[]): Map<string, QuoteResponse[]> {
  const index = new Map<string, QuoteResponse[]>();
  for (const quote of quotes) {
    if (quote.utteranceId) {
      const list = index.get(quote.utteranceId) ?? [];
      list.push(quote);
      index.set(quote.utteranceId, list);
    }
  }
  for (const list of index.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  }
  return index;
}

/**
 * Row highlights by utterance id. A row whose quotes are the same objects as last time (and
 * the context unchanged) gets the very same array back, so only the rows whose highlights
 * changed render again.
 */
export class RowHighlightIndex {
  private previous = new Map<string, { quotes: QuoteResponse[]; rows: RowHighlight[] }>();
  private context: HighlightContext | null = null;

  build(byUtterance: ReadonlyMap<string, QuoteResponse[]>, context: HighlightContext): Map<string, RowHighlight[]> {
    const reuse = this.context === context;
    const next = new Map<string, { quotes: QuoteResponse[]; rows: RowHighlight[] }>();
    const result = new Map<string, RowHighlight[]>();
    for (const [utteranceId, quotes] of byUtterance) {
      const before = reuse ? this.previous.get(utteranceId) : undefined;
      const same = before !== undefined && before.quotes.length === quotes.length && before.quotes.every((quote, index) => quote === quotes[index]);
      const rows = same ? before.rows : quotes.map((quote) => toRowHighlight(quote, context));
      next.set(utteranceId, { quotes, rows });
      result.set(utteranceId, rows);
    }
    this.previous = next;
    this.context = context;
    return result;
  }
}
