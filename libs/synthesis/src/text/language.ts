/**
 * Per-quote language: alphabet first (Cyrillic vs Latin letters), stop words as
 * the tie-breaker for short or transliterated quotes. Default 'en'.
 */
import type { Lang } from '../types';
import { foldWord } from './normalise';
import { scriptCounts } from './script';
import { stopWords } from './stop-words';

const WORDS = /[\p{L}']+/gu;

export function detectLanguage(text: string): Lang {
  if (!text) return 'en';
  const { cyrillic, latin } = scriptCounts(text);
  if (cyrillic === 0 && latin === 0) return 'en';
  let ruStops = 0;
  let enStops = 0;
  const ru = stopWords('ru');
  const en = stopWords('en');
  for (const match of text.matchAll(WORDS)) {
    const word = foldWord(match[0]);
    if (ru.has(word)) ruStops++;
    if (en.has(word)) enStops++;
  }
  // A stop word is worth a few letters: "я купил iPhone 15 Pro Max" is Russian
  // even though it has more Latin letters than Cyrillic ones.
  const ruScore = cyrillic + 10 * ruStops;
  const enScore = latin + 10 * enStops;
  return ruScore > enScore ? 'ru' : 'en';
}
