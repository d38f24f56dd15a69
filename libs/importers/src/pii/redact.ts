import { ImportError, ImportErrorCode } from '../import-error';
import { nameFormsSource } from './name-forms';
import type { PiiMatch } from './pii.types';

export interface NamePseudonym {
  name: string;
  pseudonym: string;
}

interface Replacement {
  start: number;
  end: number;
  value: string;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * Replaces the personal data a researcher accepted with `[email]`, `[phone]`, `[card]`, `[url]`,
 * and every occurrence of a marked person's name with their pseudonym: whole words,
 * case-insensitive, in inflected forms (see `nameFormsSource`). A multi-word name is replaced as
 * a whole ("Анны Петровой") and each of its words of 3+ letters also alone ("Анне", "Петрову").
 * An English possessive keeps its `'s` after the pseudonym. Names inside accepted matches are
 * left to the match. Throws `ImportError` when a match does not fit the text (stale offsets):
 * redaction must never silently miss data.
 */
export function redact(text: string, accepted: PiiMatch[], names: NamePseudonym[] = []): string {
  const replacements: Replacement[] = [];
  for (const match of accepted) {
    if (match.start < 0 || match.end > text.length || text.slice(match.start, match.end) !== match.text) {
      throw new ImportError(ImportErrorCode.StaleRedaction, `The ${match.kind} at ${match.start}–${match.end} does not match the text: find personal data again`);
    }
    replacements.push({ start: match.start, end: match.end, value: `[${match.kind}]` });
  }
  for (const replacement of nameReplacements(text, names)) {
    if (replacements.every((other) => replacement.end <= other.start || replacement.start >= other.end)) replacements.push(replacement);
  }
  return applyRightToLeft(text, replacements);
}

function nameReplacements(text: string, names: NamePseudonym[]): Replacement[] {
  const patterns: Array<{ source: string; pseudonym: string; weight: number }> = [];
  for (const { name, pseudonym } of names) {
    const words = name.trim().split(/\s+/).filter((word) => word.length > 0);
    if (words.length === 0) continue;
    patterns.push({ source: words.map(nameFormsSource).join('\\s+'), pseudonym, weight: words.length });
    if (words.length > 1) {
      for (const word of words) if ([...word].length >= 3) patterns.push({ source: nameFormsSource(word), pseudonym, weight: 1 });
    }
  }
  const found: Replacement[] = [];
  for (const pattern of patterns.sort((a, b) => b.weight - a.weight)) {
    const regex = new RegExp(`${NOT_WORD_BEFORE}(?:${pattern.source})${NOT_WORD_AFTER}`, 'giu');
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      const possessive = /['’]s?$/.test(match[0]) && !/[а-яё]/i.test(match[0]) ? /['’]s?$/.exec(match[0])?.[0] ?? '' : '';
      found.push({ start, end, value: pattern.pseudonym + possessive });
    }
  }
  return found;
}

function applyRightToLeft(text: string, replacements: Replacement[]): string {
  let result = text;
  for (const { start, end, value } of [...replacements].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + value + result.slice(end);
  }
  return result;
}
