/**
 * Thoughts: the most representative quotes of a stage, central and diverse.
 *
 * Centrality of a quote = typicality + theme share, where typicality is the mean,
 * over its content-word stems, of the share of the stage's quotes that contain the
 * stem (a quote made of what many people said scores high), and theme share is the
 * share of the stage's quotes in the quote's theme cluster (0 without one). Quotes
 * with fewer than MIN_CONTENT_WORDS content words are used only when nothing else is left.
 * Selection is greedy maximal marginal relevance: 0.7 · centrality / max centrality
 * − 0.3 · the highest stem Jaccard similarity to an already chosen quote, one quote
 * per person first (a person is repeated only when the stage has too few people).
 * Ties go to the earlier quote.
 *
 * A stage with more than MAX_CANDIDATES quotes is read through an evenly spaced,
 * deterministic sample of that many (every k-th quote in input order): word shares
 * are estimated as well from a thousand quotes as from fifty thousand, and the map
 * then assembles in time proportional to the stages, not to the evidence.
 */
import { tokenise } from '../text';
import type { EvidenceQuote } from './journey.types';

export const THOUGHTS_PER_STAGE = 3;
export const MIN_CONTENT_WORDS = 3;
export const MAX_CANDIDATES = 1000;
const LAMBDA = 0.7;

interface Candidate {
  quote: EvidenceQuote;
  index: number;
  stems: Set<string>;
  score: number;
}

function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  // Every content word has an alphabet that picks its stemmer; the fallback language (for
  // numbers, which are stop words anyway) is given so that no text's language is detected.
  for (const token of tokenise(text, 'en')) if (!token.stop && token.stem.length > 1) stems.add(token.stem);
  return stems;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Picks up to `limit` representative quotes among `quotes` (one stage).
 * `themeOf` gives the theme cluster of a quote; `themeSize` its number of quotes in this stage.
 */
export function representativeQuotes(
  quotes: readonly EvidenceQuote[],
  themeOf: (quoteId: string) => string | undefined,
  themeSize: (themeId: string) => number,
  limit = THOUGHTS_PER_STAGE,
  maxCandidates = MAX_CANDIDATES,
): EvidenceQuote[] {
  if (quotes.length === 0 || limit <= 0) return [];
  const all = quotes.length;
  if (quotes.length > maxCandidates) {
    const step = quotes.length / maxCandidates;
    quotes = Array.from({ length: maxCandidates }, (_, i) => quotes[Math.floor(i * step)]);
  }
  const stemsOf = quotes.map((q) => contentStems(q.text));
  const df = new Map<string, number>();
  for (const stems of stemsOf) for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  const n = quotes.length;
  const candidates: Candidate[] = quotes.map((quote, index) => {
    const stems = stemsOf[index];
    let typicality = 0;
    for (const s of stems) typicality += (df.get(s) ?? 0) / n;
    typicality = stems.size ? typicality / stems.size : 0;
    const theme = themeOf(quote.id);
    const themeShare = theme ? themeSize(theme) / all : 0;
    return { quote, index, stems, score: typicality + themeShare };
  });
  const full = candidates.filter((c) => c.stems.size >= MIN_CONTENT_WORDS);
  const short = candidates.filter((c) => c.stems.size < MIN_CONTENT_WORDS);
  const chosen: Candidate[] = [];
  pick(full, chosen, limit, true);
  pick(full, chosen, limit, false);
  pick(short, chosen, limit, true);
  pick(short, chosen, limit, false);
  return chosen.map((c) => c.quote);
}

function pick(pool: readonly Candidate[], chosen: Candidate[], limit: number, onePerPerson: boolean): void {
  const maxScore = pool.reduce((m, c) => Math.max(m, c.score), 1e-9);
  while (chosen.length < limit) {
    const people = new Set(chosen.map((c) => c.quote.participantKey));
    let best: Candidate | null = null;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (chosen.includes(c) || (onePerPerson && people.has(c.quote.participantKey))) continue;
      let similarity = 0;
      for (const other of chosen) similarity = Math.max(similarity, jaccard(c.stems, other.stems));
      const value = (LAMBDA * c.score) / maxScore - (1 - LAMBDA) * similarity;
      if (value > bestValue + 1e-12 || (Math.abs(value - bestValue) <= 1e-12 && best !== null && c.index < best.index)) {
        best = c;
        bestValue = value;
      }
    }
    if (!best) return;
    chosen.push(best);
  }
}
