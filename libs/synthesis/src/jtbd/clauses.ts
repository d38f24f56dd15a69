/**
 * Finds situation / motivation / outcome clauses in a quote.
 *
 * A clause starts after its marker and runs to the end of the sentence, the next
 * marker, a comma-like break or a clause-breaking conjunction ("но", "because"),
 * whichever comes first, capped at MAX_CLAUSE_WORDS. A situation marker counts
 * only at the start of a sentence or clause ("Когда я …" but not "хочу знать,
 * когда …" or "I check reviews before buying"), and not in questions.
 * "хочу, чтобы …" / "I want to be able to …" are one motivation, not a
 * motivation plus an outcome.
 */
import { detectLanguage, tokenise } from '../text';
import type { Lang } from '../types';
import { cleanClause } from './clean-clause';
import {
  CLAUSE_BREAKERS,
  DEFAULT_LEADS,
  EDGE_WORDS,
  FILLERS,
  MARKERS,
  NOT_A_SITUATION,
  type ClauseForm,
  type JtbdPart,
  type Marker,
} from './markers';

export interface JtbdClause {
  part: JtbdPart;
  /** The cleaned clause, as it goes after `lead` in a statement. */
  text: string;
  /** Offsets of the clause (without its marker) in the original text. */
  start: number;
  end: number;
  /** Words the statement puts before the clause ("когда", "I want to", "so that"). */
  lead: string;
  form: ClauseForm;
  /** The marker as written in the text. */
  marker: string;
  /** True when the clause was cut at MAX_CLAUSE_WORDS. */
  truncated: boolean;
}

export const MAX_CLAUSE_WORDS = 20;

const LETTER = '\\p{L}\\p{N}';
const SENTENCE_END = /[.!?…;\n]/u;
const CLAUSE_BREAK = /[,;:()"«»“”]|\s[–—-]\s/u;

interface Found {
  marker: Marker;
  start: number;
  end: number;
}

/** Lower case and ё→е, one UTF-16 unit for one, so offsets stay valid. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const one = lower.length === ch.length ? lower : ch;
    out += one === 'ё' ? 'е' : one === '’' || one === 'ʼ' ? "'" : one;
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patterns = new Map<Lang, { re: RegExp; byKey: Map<string, Marker> }>();

function markerPattern(lang: Lang): { re: RegExp; byKey: Map<string, Marker> } {
  const cached = patterns.get(lang);
  if (cached) return cached;
  const list = MARKERS.filter((mk) => mk.lang === lang).sort((a, b) => b.phrase.length - a.phrase.length);
  const byKey = new Map<string, Marker>();
  for (const mk of list) if (!byKey.has(mk.phrase)) byKey.set(mk.phrase, mk);
  const alt = [...byKey.keys()].map((p) => p.split(' ').map(escape).join('[\\s,]+')).join('|');
  const re = new RegExp(`(?<![${LETTER}'-])(?:${alt})(?![${LETTER}'-])`, 'gu');
  const built = { re, byKey };
  patterns.set(lang, built);
  return built;
}

const keyOf = (s: string): string => s.replace(/[\s,]+/g, ' ').trim();

function sentences(folded: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    if (SENTENCE_END.test(folded[i])) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  if (folded.length > start) out.push([start, folded.length]);
  return out;
}

function onlyFillers(prefix: string, lang: Lang): boolean {
  let rest = ` ${prefix.replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;
  for (const filler of [...FILLERS[lang]].sort((a, b) => b.length - a.length)) {
    rest = rest.split(` ${filler.replace(/,$/, '')} `).join(' ');
  }
  const words = rest.split(' ').filter(Boolean);
  return words.every((w) => EDGE_WORDS[lang].includes(w) || w === 'и' || w === 'and');
}

function isSituationStart(folded: string, found: Found, sentence: [number, number], all: Found[], lang: Lang): boolean {
  for (const phrase of NOT_A_SITUATION[lang]) if (folded.startsWith(phrase, found.start)) return false;
  const lastChar = folded.slice(sentence[1], sentence[1] + 1);
  if (lastChar === '?') return false;
  const before = folded.slice(sentence[0], found.start);
  let clauseStart = sentence[0];
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(before[i])) {
      clauseStart = sentence[0] + i + 1;
      break;
    }
  }
  if (!onlyFillers(folded.slice(clauseStart, found.start), lang)) return false;
  if (clauseStart > sentence[0]) {
    // "Хочу знать, когда приедет курьер": a subordinate clause of a motivation, not a situation.
    const earlierMotivation = all.some((f) => f.marker.part === 'motivation' && f.start >= sentence[0] && f.end <= clauseStart);
    if (earlierMotivation) return false;
  }
  return true;
}

const breakerPatterns = new Map<Lang, RegExp>();

function breakerAt(folded: string, from: number, to: number, lang: Lang): number {
  let re = breakerPatterns.get(lang);
  if (!re) {
    const alt = CLAUSE_BREAKERS[lang].map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
    re = new RegExp(`(?<![${LETTER}'-])(?:${alt})(?![${LETTER}'-])`, 'gu');
    breakerPatterns.set(lang, re);
  }
  re.lastIndex = from;
  const hit = re.exec(folded);
  return hit && hit.index < to ? hit.index : to;
}

/** A comma before one of these opens the object of the clause's verb ("не обнаружить, что всё закончилось"), not a new clause. */
const COMPLEMENT: Record<Lang, RegExp> = {
  ru: /^,\s*(?:что|как|где|куда|откуда|сколько|какой|какая|какое|какие)(?![\p{L}\p{N}'-])/u,
  en: /^,\s*(?:that|what|how|where|whether)(?![\p{L}\p{N}'-])/u,
};

/**
 * Where a clause that starts at `from` ends, before `limit`: at the first comma-like break
 * (past one object clause opened after a comma) or clause-breaking conjunction.
 */
function clauseEnd(folded: string, from: number, limit: number, lang: Lang): number {
  let end = limit;
  let searchFrom = from;
  for (;;) {
    const brk = folded.slice(searchFrom, limit).search(CLAUSE_BREAK);
    if (brk < 0) break;
    const at = searchFrom + brk;
    const complement = searchFrom === from ? COMPLEMENT[lang].exec(folded.slice(at, limit)) : null;
    if (!complement) {
      end = at;
      break;
    }
    searchFrom = at + complement[0].length;
  }
  return breakerAt(folded, from, end, lang);
}

function hasContent(text: string, lang: Lang): boolean {
  return tokenise(text, lang).some((t) => !t.stop);
}

/** Situation, motivation and outcome clauses of one text, in text order. */
export function extractJtbdClauses(text: string, lang?: Lang): JtbdClause[] {
  if (!text || !text.trim()) return [];
  const language: Lang = lang ?? detectLanguage(text);
  const folded = fold(text);
  const { re, byKey } = markerPattern(language);
  const clauses: JtbdClause[] = [];

  for (const sentence of sentences(folded)) {
    const slice = folded.slice(sentence[0], sentence[1]);
    const found: Found[] = [];
    re.lastIndex = 0;
    for (const hit of slice.matchAll(re)) {
      const marker = byKey.get(keyOf(hit[0]));
      if (!marker) continue;
      const start = sentence[0] + (hit.index ?? 0);
      found.push({ marker, start, end: start + hit[0].length });
    }
    const kept = found.filter((f) => f.marker.part !== 'situation' || isSituationStart(folded, f, sentence, found, language));

    for (let k = 0; k < kept.length; k++) {
      const current = kept[k];
      let contentStart = current.end;
      let form = current.marker.form;
      let lead = current.marker.lead ?? DEFAULT_LEADS[language][current.marker.part][form];
      let searchFrom = current.end;
      let next = kept[k + 1];
      // "хочу, чтобы курьер звонил" / "I want to be able to track": one motivation.
      if (
        current.marker.part === 'motivation' &&
        next?.marker.part === 'outcome' &&
        /^[\s,]*$/.test(folded.slice(current.end, next.start))
      ) {
        if (language === 'ru') {
          contentStart = next.start;
          form = 'that';
          lead = current.marker.lead && current.marker.form !== 'nominal' ? current.marker.lead : DEFAULT_LEADS.ru.motivation.that;
          if (!lead.endsWith(',')) lead += ',';
        } else {
          contentStart = next.start;
        }
        searchFrom = next.end;
        k++;
        next = kept[k + 1];
      }
      let end = clauseEnd(folded, searchFrom, next ? next.start : sentence[1], language);

      let raw = text.slice(contentStart, end);
      let truncated = false;
      const words = [...raw.matchAll(/\S+/g)];
      if (words.length > MAX_CLAUSE_WORDS) {
        const last = words[MAX_CLAUSE_WORDS - 1];
        end = contentStart + (last.index ?? 0) + last[0].length;
        raw = text.slice(contentStart, end);
        truncated = true;
      }
      const cleaned = cleanClause(raw, language, current.marker.part, form);
      if (!cleaned || !hasContent(cleaned, language)) continue;
      // Offsets of the trimmed raw clause.
      const lead0 = raw.length - raw.trimStart().length;
      const trail0 = raw.length - raw.trimEnd().length;
      clauses.push({
        part: current.marker.part,
        text: cleaned,
        start: contentStart + lead0,
        end: end - trail0,
        lead,
        form,
        marker: text.slice(current.start, current.end),
        truncated,
      });
    }
  }
  return clauses;
}

/** True when the text states a job: a motivation, or a situation together with an outcome. */
export function carriesJob(clauses: readonly JtbdClause[]): boolean {
  const parts = new Set(clauses.map((c) => c.part));
  return parts.has('motivation') || (parts.has('situation') && parts.has('outcome'));
}
