/**
 * Text normalisation shared by every part of the engine. It is deliberately
 * conservative: it never drops letters, so offsets computed on the original text
 * stay meaningful for tokens even though this function's output is shorter.
 */

/** What every number (integer, decimal, 1 000 000, 10,5) becomes after normalise(). */
export const NUMBER_PLACEHOLDER = '<num>';

const QUOTES = /[«»„“”‟″〝〞＂]/g;
const APOSTROPHES = /[‘’‚‛′`´ʼ＇]/g;
const DASHES = /[‐‑‒–—―−﹘﹣－]/g;
// A number: digits optionally grouped by spaces/commas/dots (1 000, 10.5, 3,14).
const NUMBERS = /\d+(?:[.,]\d+|[\u00a0\u202f ]\d{3}(?!\d))*/g;
const SPACES = /[\s\u00a0\u200b\u202f\ufeff]+/g;

/** Lower-case a single word and fold ё→е and typographic apostrophes (no number handling). */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(APOSTROPHES, "'");
}

/** Lower case, ё→е, unified quotes/apostrophes/dashes, numbers → placeholder, single spaces, trimmed. */
export function normalise(text: string): string {
  if (!text) return '';
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(QUOTES, '"')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(NUMBERS, ` ${NUMBER_PLACEHOLDER} `)
    .replace(SPACES, ' ')
    .trim();
}
