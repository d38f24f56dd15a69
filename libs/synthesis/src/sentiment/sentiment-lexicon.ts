/**
 * The compiled sentiment lexicon: RU and EN entries stemmed at first use into one
 * phrase index. Stems of the two alphabets never collide, so one index serves
 * mixed-language quotes ("заказала в app, всё convenient").
 */
import { EN_SENTIMENT } from './lexicon-en';
import { RU_SENTIMENT } from './lexicon-ru';
import { NEGATABLE_NEUTRAL_WORDS } from './modifiers';
import { PhraseIndex } from './phrase-index';

function entriesOf(list: string): string[] {
  return list
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

let sentimentIndex: PhraseIndex<number> | undefined;
let neutralIndex: PhraseIndex<true> | undefined;

/** Phrase → score on -2..+2 (RU and EN). */
export function sentimentLexicon(): PhraseIndex<number> {
  if (!sentimentIndex) {
    const index = new PhraseIndex<number>();
    // Neutral set phrases first, then stronger groups: when two entries stem alike,
    // or an exact word and a stem compete, the earlier one wins.
    const rank = (score: number): number => (score === 0 ? Infinity : Math.abs(score));
    const groups = [...RU_SENTIMENT, ...EN_SENTIMENT].sort((a, b) => rank(b[0]) - rank(a[0]));
    for (const [score, list] of groups) {
      for (const entry of entriesOf(list)) index.add(entry, score);
    }
    sentimentIndex = index;
  }
  return sentimentIndex;
}

/** Verbs that are neutral alone and a failure when negated ("не пришло", "never worked"). */
export function negatableNeutrals(): PhraseIndex<true> {
  if (!neutralIndex) {
    const index = new PhraseIndex<true>();
    for (const entry of entriesOf(NEGATABLE_NEUTRAL_WORDS)) index.add(entry, true);
    neutralIndex = index;
  }
  return neutralIndex;
}

/** Number of distinct lexicon entries per language (for documentation and tests). */
export function sentimentLexiconSize(): { ru: number; en: number } {
  const count = (groups: ReadonlyArray<readonly [number, string]>): number =>
    new Set(groups.flatMap(([, list]) => entriesOf(list))).size;
  return { ru: count(RU_SENTIMENT), en: count(EN_SENTIMENT) };
}
