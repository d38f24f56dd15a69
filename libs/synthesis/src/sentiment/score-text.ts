/**
 * Lexicon sentiment of one text on the -2..+2 scale.
 *
 * Each lexicon hit is adjusted by the words just before it in the same clause
 * (negators, intensifiers, diminishers), weighted by its place in the sentence
 * (after "но"/"but" ×1.5, before ×0.5; inside a "хотя"/"although" clause ×0.5),
 * summed with emoticons, lifted a little by exclamation marks, and squashed with
 * 2·tanh(sum/2) so the result stays inside -2..+2 however long the text is.
 */
import { tokenise, type Token } from '../text';
import type { Lang } from '../types';
import { findEmoticons } from './emoticons';
import {
  AFTER_CONTRAST_WEIGHT,
  BEFORE_CONTRAST_WEIGHT,
  CONCESSIVE_MARKERS,
  CONCESSIVE_WEIGHT,
  CONTRAST_MARKERS,
  HEDGE_BEFORE_OF,
  HEDGE_FACTOR,
  MODIFIERS,
  MODIFIER_WINDOW,
  NEGATED_INTENSIFIED_FACTOR,
  NEGATED_NEGATIVE_FACTOR,
  NEGATED_NEUTRAL_SCORE,
  NEGATED_POSITIVE_FACTOR,
  NEGATORS,
} from './modifiers';
import { negatableNeutrals, sentimentLexicon } from './sentiment-lexicon';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentHit {
  /** Offsets in the original text. */
  start: number;
  end: number;
  text: string;
  /** The lexicon's score of the words alone. */
  base: number;
  /** Contribution after negation, modifiers and clause weights. */
  score: number;
  negated: boolean;
}

export interface TextSentiment {
  /** -2..+2, rounded to two decimals. */
  score: number;
  label: SentimentLabel;
  /** Sum of contributions before squashing. */
  raw: number;
  hits: SentimentHit[];
}

/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.25;

const SENTENCE_BREAK = /[.!?…;\n]/;
const CLAUSE_BREAK = /[,:;()«»"“”—–]|\s-\s/;

export function clampSentiment(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.max(-2, Math.min(2, score));
}

export function sentimentLabel(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

interface Layout {
  sentence: number[];
  clause: number[];
}

function layoutOf(text: string, tokens: readonly Token[]): Layout {
  const sentence: number[] = [];
  const clause: number[] = [];
  let s = 0;
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) {
      const gap = text.slice(tokens[i - 1].end, tokens[i].start);
      if (SENTENCE_BREAK.test(gap)) {
        s++;
        c++;
      } else if (CLAUSE_BREAK.test(gap)) {
        c++;
      }
    }
    sentence.push(s);
    clause.push(c);
  }
  return { sentence, clause };
}

interface RawHit {
  index: number;
  length: number;
  base: number;
  score: number;
  negated: boolean;
}

function isHedge(tokens: readonly Token[], i: number): boolean {
  return HEDGE_BEFORE_OF.has(tokens[i].norm) && tokens[i + 1]?.norm === 'of';
}

/** Negation and modifiers from up to MODIFIER_WINDOW tokens before index `at`. */
function adjust(
  tokens: readonly Token[],
  layout: Layout,
  at: number,
  floor: number,
  base: number,
  selfNegated: boolean,
): { score: number; negated: boolean } {
  let negatorAt = -1;
  const modifiers: Array<{ at: number; factor: number }> = [];
  for (let j = at - 1; j >= Math.max(floor, at - MODIFIER_WINDOW); j--) {
    if (layout.clause[j] !== layout.clause[at]) break;
    const norm = tokens[j].norm;
    if (CONTRAST_MARKERS.has(norm) || CONCESSIVE_MARKERS.has(norm)) break;
    if (NEGATORS.has(norm)) {
      if (negatorAt < 0) negatorAt = j;
      continue;
    }
    const factor = MODIFIERS.get(norm) ?? (norm === 'of' && j > 0 && isHedge(tokens, j - 1) ? HEDGE_FACTOR : undefined);
    if (factor !== undefined) modifiers.push({ at: j, factor });
  }
  const negated = negatorAt >= 0 && !selfNegated;
  if (!negated) {
    const mult = modifiers.reduce((m, x) => m * x.factor, 1);
    return { score: base * mult, negated: false };
  }
  const between = modifiers.filter((m) => m.at > negatorAt);
  const before = modifiers.filter((m) => m.at < negatorAt);
  if (between.some((m) => m.factor > 1)) {
    // "не очень удобно", "not very good": a softened opposite.
    return { score: base * NEGATED_INTENSIFIED_FACTOR, negated: true };
  }
  const outer = before.reduce((m, x) => m * x.factor, 1);
  const inner = between.reduce((m, x) => m * x.factor, 1);
  const factor = base > 0 ? NEGATED_POSITIVE_FACTOR : NEGATED_NEGATIVE_FACTOR;
  return { score: base * factor * outer * inner, negated: true };
}

function collectHits(tokens: readonly Token[], layout: Layout): RawHit[] {
  const lexicon = sentimentLexicon();
  const neutrals = negatableNeutrals();
  const hits: RawHit[] = [];
  let floor = 0;
  for (let i = 0; i < tokens.length; ) {
    if (isHedge(tokens, i)) {
      i += 2;
      continue;
    }
    const norm = tokens[i].norm;
    if (MODIFIERS.has(norm) && i + 1 < tokens.length && layout.clause[i + 1] === layout.clause[i]) {
      // "ужасно долго": the first word intensifies the second rather than counting twice.
      if (lexicon.matchAt(tokens, i + 1) || neutrals.matchAt(tokens, i + 1)) {
        i++;
        continue;
      }
    }
    const match = lexicon.matchAt(tokens, i);
    const neutral = match ? null : neutrals.matchAt(tokens, i);
    const length = match?.length ?? neutral?.length ?? 0;
    if (length === 0) {
      i++;
      continue;
    }
    let selfNegated = false;
    for (let k = i; k < i + length; k++) if (NEGATORS.has(tokens[k].norm)) selfNegated = true;
    if (match && match.value === 0) {
      // A neutral set phrase ("честно говоря", "to be fair") hides the lexicon words inside it.
      i += length;
      floor = i;
      continue;
    }
    if (match) {
      const { score, negated } = adjust(tokens, layout, i, floor, match.value, selfNegated);
      hits.push({ index: i, length, base: match.value, score, negated });
    } else {
      // A neutral verb only counts when negated ("не пришло", "never worked"): scored as if it
      // were a positive word of strength |NEGATED_NEUTRAL_SCORE / NEGATED_POSITIVE_FACTOR|.
      const strength = Math.abs(NEGATED_NEUTRAL_SCORE / NEGATED_POSITIVE_FACTOR);
      const { score, negated } = adjust(tokens, layout, i, floor, strength, selfNegated);
      if (negated) hits.push({ index: i, length, base: 0, score, negated });
    }
    i += length;
    floor = i;
  }
  return hits;
}

function applyClauseWeights(tokens: readonly Token[], layout: Layout, hits: RawHit[]): void {
  const lastContrast = new Map<number, number>();
  const concessiveFrom = new Map<number, number>();
  tokens.forEach((token, i) => {
    if (CONTRAST_MARKERS.has(token.norm)) lastContrast.set(layout.sentence[i], i);
    if (CONCESSIVE_MARKERS.has(token.norm) && !concessiveFrom.has(layout.clause[i])) concessiveFrom.set(layout.clause[i], i);
  });
  for (const hit of hits) {
    const clauseStart = concessiveFrom.get(layout.clause[hit.index]);
    if (clauseStart !== undefined && clauseStart < hit.index) {
      hit.score *= CONCESSIVE_WEIGHT;
      continue;
    }
    const contrast = lastContrast.get(layout.sentence[hit.index]);
    if (contrast === undefined) continue;
    hit.score *= hit.index > contrast ? AFTER_CONTRAST_WEIGHT : BEFORE_CONTRAST_WEIGHT;
  }
}

/** Sentiment of a text from the RU/EN lexicon, negation, modifiers, contrast and emoticons. */
export function scoreText(text: string, lang?: Lang): TextSentiment {
  if (!text || !text.trim()) return { score: 0, label: 'neutral', raw: 0, hits: [] };
  const tokens = tokenise(text, lang);
  const layout = layoutOf(text, tokens);
  const raw = collectHits(tokens, layout);
  applyClauseWeights(tokens, layout, raw);
  const hits: SentimentHit[] = raw.map((h) => {
    const start = tokens[h.index].start;
    const end = tokens[h.index + h.length - 1].end;
    return { start, end, text: text.slice(start, end), base: h.base, score: round2(h.score), negated: h.negated };
  });
  for (const emo of findEmoticons(text)) {
    hits.push({ start: emo.start, end: emo.end, text: emo.text, base: emo.score, score: emo.score, negated: false });
  }
  hits.sort((a, b) => a.start - b.start);
  let sum = hits.reduce((acc, h) => acc + h.score, 0);
  if (sum !== 0) {
    const bangs = Math.min(3, (text.match(/!/g) ?? []).length);
    sum *= 1 + 0.1 * bangs;
  }
  const score = round2(clampSentiment(2 * Math.tanh(sum / 2)));
  return { score, label: sentimentLabel(score), raw: round2(sum), hits };
}
