/**
 * Snowball stemming (snowball-stemmers) with a per-language cache: stemming is
 * the hottest call of the text pipeline and real vocabularies repeat a lot.
 */
import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import type { Lang } from '../types';
import { foldWord } from './normalise';

const STEMMERS: Record<Lang, SnowballStemmer> = {
  en: newStemmer('english'),
  ru: newStemmer('russian'),
};

// Bounded so a 80k-quote corpus with typos cannot grow the cache without limit.
const CACHE_LIMIT = 200_000;
const CACHES: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map() };

/** Snowball stem of one word (folded first: lower case, ё→е, straight apostrophes). */
export function stem(word: string, lang: Lang): string {
  const folded = foldWord(word);
  if (!folded) return '';
  const cache = CACHES[lang];
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  // Snowball English treats a trailing "'s" itself; other apostrophes are kept as-is.
  const result = STEMMERS[lang].stem(folded) || folded;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(folded, result);
  return result;
}
