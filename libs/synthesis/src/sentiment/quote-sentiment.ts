/**
 * Sentiment of a quote with its provenance: a moderator's explicit value wins,
 * then the mean score of the quote's emotion tags that carry one, then the lexicon.
 */
import { detectLanguage } from '../text';
import type { Lang, QuoteInput } from '../types';
import { detectEmotionCues, emotionOf } from './emotion';
import type { Emotion } from './emotion-lexicon';
import { clampSentiment, scoreText, sentimentLabel, type SentimentHit, type SentimentLabel } from './score-text';

export type SentimentSource = 'moderator' | 'tag' | 'lexicon';

export interface QuoteSentiment {
  quoteId: string;
  /** -2..+2. */
  score: number;
  label: SentimentLabel;
  source: SentimentSource;
  emotion: Emotion;
  /** The lexicon's evidence (empty when nothing matched). */
  hits: SentimentHit[];
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

function mergeCounts(
  a: Partial<Record<Emotion, number>>,
  b: Partial<Record<Emotion, number>>,
): Partial<Record<Emotion, number>> {
  const out: Partial<Record<Emotion, number>> = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[Emotion, number]>) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Sentiment of one quote. */
export function quoteSentiment(quote: QuoteInput): QuoteSentiment {
  const lang: Lang = quote.lang ?? detectLanguage(quote.text ?? '');
  const text = quote.text ?? '';
  const lexical = scoreText(text, lang);
  let cueCounts = detectEmotionCues(text, lang);
  const emotionTags = (quote.tags ?? []).filter((t) => t.kind === 'emotion');
  // Emotion tag names are cues too, and count more than words in the text.
  for (const tag of emotionTags) {
    const named = detectEmotionCues(tag.name ?? '');
    for (const key of Object.keys(named) as Emotion[]) named[key] = (named[key] ?? 0) * 10;
    cueCounts = mergeCounts(cueCounts, named);
  }
  const scored = emotionTags.map((t) => t.score).filter((s): s is number => typeof s === 'number' && Number.isFinite(s));

  let score: number;
  let source: SentimentSource;
  if (typeof quote.sentiment === 'number' && Number.isFinite(quote.sentiment)) {
    score = clampSentiment(quote.sentiment);
    source = 'moderator';
  } else if (scored.length > 0) {
    score = clampSentiment(scored.reduce((a, b) => a + b, 0) / scored.length);
    source = 'tag';
  } else {
    score = lexical.score;
    source = 'lexicon';
  }
  score = round2(score);
  return {
    quoteId: quote.id,
    score,
    label: sentimentLabel(score),
    source,
    emotion: emotionOf(score, cueCounts),
    hits: lexical.hits,
  };
}

/** Sentiment of every quote, in input order. */
export function analyseSentiment(quotes: readonly QuoteInput[]): QuoteSentiment[] {
  return quotes.map(quoteSentiment);
}
