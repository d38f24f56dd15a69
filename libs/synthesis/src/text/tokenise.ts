/**
 * Word tokeniser that keeps offsets into the original text (so evidence can be
 * highlighted) and picks the stemmer per word by its alphabet: a Latin brand
 * name inside a Russian quote is stemmed as English and vice versa.
 */
import type { Lang } from '../types';
import { NUMBER_PLACEHOLDER, foldWord } from './normalise';
import { wordScript } from './script';
import { stem } from './stem';
import { isStopWord } from './stop-words';
import { detectLanguage } from './language';

export interface Token {
  /** The word exactly as written. */
  surface: string;
  /** Lower case, ё→е, straight apostrophes; numbers become NUMBER_PLACEHOLDER. */
  norm: string;
  /** Snowball stem of norm (the placeholder for numbers). */
  stem: string;
  /** Offsets in the original text: text.slice(start, end) === surface. */
  start: number;
  end: number;
  /** True for stop words and numbers: grammar, not topic. */
  stop: boolean;
  /** Language whose stemmer was used (from the word's alphabet, else the text's). Always set by tokenise(). */
  lang?: Lang;
}

// Letters/marks/digits, with inner apostrophes ("don't", "card's"). Hyphens split
// words on purpose: "top-up" then matches "top up".
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const NUMERIC = /^[\p{N}]+$/u;

// Latin letters that look like Cyrillic ones; mixed-alphabet words are usually typos
// or deliberate obfuscation ("пpивет" with a Latin p), so fold them to the majority.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};

function foldHomoglyphs(norm: string, lang: Lang): string {
  if (lang !== 'ru' || !/[a-z]/.test(norm)) return norm;
  let out = '';
  for (const ch of norm) out += LATIN_TO_CYRILLIC[ch] ?? ch;
  return /[a-z]/.test(out) ? norm : out;
}

/** Split text into word tokens; `lang` is the fallback for words with no alphabet (digits). */
export function tokenise(text: string, lang?: Lang): Token[] {
  if (!text) return [];
  const fallback: Lang = lang ?? detectLanguage(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index ?? 0;
    const end = start + surface.length;
    if (NUMERIC.test(surface)) {
      tokens.push({ surface, norm: NUMBER_PLACEHOLDER, stem: NUMBER_PLACEHOLDER, start, end, stop: true, lang: fallback });
      continue;
    }
    const tokenLang = wordScript(surface) ?? fallback;
    const norm = foldHomoglyphs(foldWord(surface), tokenLang);
    tokens.push({
      surface,
      norm,
      stem: stem(norm, tokenLang),
      start,
      end,
      stop: isStopWord(norm, tokenLang),
      lang: tokenLang,
    });
  }
  return tokens;
}
