/**
 * Tidies a clause cut out of a quote for use in a drafted statement: drops fillers
 * ("ну", "как бы", "you know"), dangling conjunctions and punctuation, and in
 * English turns the generic "you"/"we" of interview speech into "I". Russian verb
 * agreement is left alone: changing "мы едем" to "я еду" is not a simple rule.
 */
import type { Lang } from '../types';
import { EDGE_WORDS, FILLERS, type ClauseForm, type JtbdPart } from './markers';

const LETTER = '\\p{L}\\p{N}';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(words: readonly string[]): RegExp {
  const alt = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/[её]/g, '[её]').replace(/\s+/g, '\\s+'))
    .join('|');
  return new RegExp(`(?<![${LETTER}'-])(?:${alt})(?![${LETTER}'-])`, 'giu');
}

const FILLER_RE: Record<Lang, RegExp> = { ru: wordPattern(FILLERS.ru), en: wordPattern(FILLERS.en) };
const EDGE: Record<Lang, ReadonlySet<string>> = {
  ru: new Set([...EDGE_WORDS.ru, 'было', 'бы', 'будет']),
  en: new Set(EDGE_WORDS.en),
};
/** Words a clause cut at a comma may end with that never end a phrase ("деньги на | то, что…", "money on | what…"). */
const DANGLING: Record<Lang, ReadonlySet<string>> = {
  ru: new Set(['в', 'во', 'на', 'с', 'со', 'к', 'ко', 'по', 'для', 'от', 'до', 'за', 'из', 'о', 'об', 'у', 'при', 'про', 'без', 'через', 'и', 'а', 'но', 'или', 'что', 'чтобы', 'как']),
  en: new Set(['to', 'for', 'on', 'in', 'of', 'with', 'at', 'from', 'by', 'about', 'and', 'or', 'but', 'the', 'a', 'an', 'that']),
};

// English person agreement, longest first.
const EN_PERSON: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:we|you) are\b/gi, 'I am'],
  [/\b(?:we|you) were\b/gi, 'I was'],
  [/\b(?:we|you)['’]re\b/gi, "I'm"],
  [/\b(?:we|you)['’]ve\b/gi, "I've"],
  [/\b(?:we|you)['’]ll\b/gi, "I'll"],
  [/\b(?:we|you)['’]d\b/gi, "I'd"],
  [/\b(?:we|you) have\b/gi, 'I have'],
  [/\b(?:we|you) don['’]t\b/gi, "I don't"],
  [/\bourselves\b|\byourself\b/gi, 'myself'],
  [/\bours\b|\byours\b/gi, 'mine'],
  [/\bour\b|\byour\b/gi, 'my'],
  [/\bwe\b/gi, 'I'],
  [/\bus\b/g, 'me'],
  [/\bi\b/g, 'I'],
];

function stripEdges(text: string, lang: Lang): string {
  let words = text.split(/\s+/).filter(Boolean);
  const bare = (w: string): string => w.toLowerCase().replace(/ё/g, 'е').replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
  let changed = true;
  while (changed && words.length > 0) {
    changed = false;
    if (EDGE[lang].has(bare(words[0])) || bare(words[0]) === '') {
      words = words.slice(1);
      changed = true;
    }
    const last = words.length > 0 ? bare(words[words.length - 1]) : null;
    if (last !== null && (EDGE[lang].has(last) || DANGLING[lang].has(last) || last === '')) {
      words = words.slice(0, -1);
      changed = true;
    }
  }
  return words.join(' ');
}

function lowerFirst(text: string): string {
  const first = text.split(/\s+/, 1)[0] ?? '';
  if (first === 'I' || first.startsWith("I'")) return text;
  // Keep acronyms and names written in capitals ("ЛК", "SMS").
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A clause ready to be put after its lead in a statement. */
export function cleanClause(raw: string, lang: Lang, part: JtbdPart, form: ClauseForm): string {
  let text = raw.replace(/\s+/g, ' ');
  text = text.replace(FILLER_RE[lang], ' ').replace(/\s+/g, ' ');
  text = text.replace(/\s+([,.;:!?…])/g, '$1').replace(/,(\s*,)+/g, ',');
  text = text.replace(/^[\s,.;:!?…"'«»()\[\]–—-]+|[\s,.;:!?…"'«»()\[\]–—-]+$/gu, '');
  text = stripEdges(text, lang);
  if (lang === 'en') {
    if (part === 'motivation' && form === 'verbal') text = text.replace(/^to\s+/i, '');
    for (const [pattern, replacement] of EN_PERSON) text = text.replace(pattern, replacement);
  }
  text = text.replace(/^[\s,.;:!?…"'«»()\[\]–—-]+|[\s,.;:!?…"'«»()\[\]–—-]+$/gu, '');
  return lowerFirst(text.trim());
}
