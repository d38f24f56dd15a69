/** Which alphabet a word is written in; decides its stemmer in mixed-language text. */
import type { Lang } from '../types';

const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN = /[a-z\u00c0-\u024f]/gi;

/** Counts of Cyrillic and Latin letters in a string. */
export function scriptCounts(text: string): { cyrillic: number; latin: number } {
  return {
    cyrillic: (text.match(CYRILLIC) ?? []).length,
    latin: (text.match(LATIN) ?? []).length,
  };
}

/** The language implied by a word's letters, or undefined for digits/other scripts. */
export function wordScript(word: string): Lang | undefined {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) lat++;
  }
  if (cyr === 0 && lat === 0) return undefined;
  return cyr >= lat ? 'ru' : 'en';
}
