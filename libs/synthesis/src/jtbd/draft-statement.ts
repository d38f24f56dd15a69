/**
 * Drafts a Jobs-To-Be-Done statement for a set of quotes (a job cluster):
 * "Когда <ситуация>, я хочу <мотивация>, чтобы <результат>" /
 * "When <situation>, I want to <motivation>, so I can <outcome>".
 *
 * Every clause of every quote in the statement's language is a candidate. A
 * candidate's score is
 *   (0.15 + 0.55·centrality + 0.30·keywordOverlap) × lengthFactor × bonuses
 * where centrality is the mean share of the other quotes that contain each of
 * the clause's content stems, keywordOverlap the share of the clause's (or the
 * keywords', if fewer) stems that are cluster keywords, and lengthFactor prefers
 * short complete clauses (3–12 words = 1, shorter or longer less, cut clauses
 * half). Representative quotes get ×1.15; situation and outcome clauses from the
 * quote that gave the motivation ×1.1, so the parts tend to come from one voice.
 * Ties go to the earlier quote, then the earlier clause. A part with no
 * candidate is a visible "…" and flagged missing.
 */
import { detectLanguage, tokenise } from '../text';
import type { Lang, QuoteInput } from '../types';
import { carriesJob, extractJtbdClauses, type JtbdClause } from './clauses';
import { DEFAULT_LEADS, type JtbdPart } from './markers';

export interface JtbdStatementPart {
  /** The clause as used in the statement (cleaned), or null when missing. */
  text: string | null;
  /** The quote the clause came from. */
  quoteId: string | null;
  /** True when no quote had a clause for this part; the statement shows JTBD_PLACEHOLDER. */
  missing: boolean;
  /** Offsets of the clause in its quote's text. */
  start: number | null;
  end: number | null;
}

export interface JtbdStatement {
  text: string;
  lang: Lang;
  situation: JtbdStatementPart;
  motivation: JtbdStatementPart;
  outcome: JtbdStatementPart;
  /** Quotes of the set that state a job (a motivation, or a situation and an outcome). */
  jobQuoteIds: string[];
}

export interface DraftJtbdOptions {
  /** Cluster keywords (real words or stems); clauses using them are preferred. */
  keywords?: readonly string[];
  /** Language of the statement; default: the majority language of the quotes. */
  lang?: Lang;
  /** Quotes that represent the cluster best; their clauses are preferred a little. */
  representativeIds?: readonly string[];
}

export const JTBD_PLACEHOLDER = '…';

interface Candidate {
  clause: JtbdClause;
  quoteId: string;
  quoteIndex: number;
  clauseIndex: number;
  stems: string[];
  words: number;
}

function contentStems(text: string, lang: Lang): string[] {
  return [...new Set(tokenise(text, lang).filter((t) => !t.stop).map((t) => t.stem))];
}

function majorityLang(quotes: readonly QuoteInput[], langs: readonly Lang[]): Lang {
  let ru = 0;
  let en = 0;
  for (const lang of langs) {
    if (lang === 'ru') ru++;
    else en++;
  }
  if (ru !== en) return ru > en ? 'ru' : 'en';
  return langs[0] ?? (quotes.length ? detectLanguage(quotes[0].text) : 'en');
}

function lengthFactor(words: number, truncated: boolean): number {
  let f: number;
  if (words < 2) f = 0.3;
  else if (words === 2) f = 0.7;
  else if (words <= 12) f = 1;
  else f = 12 / words;
  return truncated ? f * 0.5 : f;
}

function emptyPart(): JtbdStatementPart {
  return { text: null, quoteId: null, missing: true, start: null, end: null };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Draft a JTBD statement from the clauses found in a set of quotes. */
export function draftJtbd(quotes: readonly QuoteInput[], options: DraftJtbdOptions = {}): JtbdStatement {
  const langs = quotes.map((q) => q.lang ?? detectLanguage(q.text ?? ''));
  const lang = options.lang ?? majorityLang(quotes, langs);
  const kwStems = new Set((options.keywords ?? []).flatMap((k) => contentStems(k, lang).concat(tokenise(k, lang).map((t) => t.stem))));
  const representatives = new Set(options.representativeIds ?? []);

  // Document frequency of content stems across the quotes in the statement's language.
  const quoteStems: Array<Set<string>> = [];
  const df = new Map<string, number>();
  const candidates: Record<JtbdPart, Candidate[]> = { situation: [], motivation: [], outcome: [] };
  const jobQuoteIds: string[] = [];
  quotes.forEach((quote, quoteIndex) => {
    if (langs[quoteIndex] !== lang) {
      quoteStems.push(new Set());
      return;
    }
    const stems = new Set(contentStems(quote.text ?? '', lang));
    quoteStems.push(stems);
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
    const clauses = extractJtbdClauses(quote.text ?? '', lang);
    if (carriesJob(clauses)) jobQuoteIds.push(quote.id);
    clauses.forEach((clause, clauseIndex) => {
      candidates[clause.part].push({
        clause,
        quoteId: quote.id,
        quoteIndex,
        clauseIndex,
        stems: contentStems(clause.text, lang),
        words: clause.text.split(/\s+/).filter(Boolean).length,
      });
    });
  });
  const n = quoteStems.filter((s) => s.size > 0).length;

  const baseScore = (c: Candidate): number => {
    let centrality = 0;
    if (n > 1 && c.stems.length > 0) {
      const own = quoteStems[c.quoteIndex];
      const shares = c.stems.map((s) => ((df.get(s) ?? 0) - (own.has(s) ? 1 : 0)) / (n - 1));
      centrality = shares.reduce((a, b) => a + b, 0) / shares.length;
    }
    let overlap = 0;
    if (kwStems.size > 0 && c.stems.length > 0) {
      const hits = c.stems.filter((s) => kwStems.has(s)).length;
      overlap = hits / Math.min(c.stems.length, kwStems.size);
    }
    const rep = representatives.has(c.quoteId) ? 1.15 : 1;
    return (0.15 + 0.55 * centrality + 0.3 * overlap) * lengthFactor(c.words, c.clause.truncated) * rep;
  };

  const pick = (part: JtbdPart, preferQuote: string | null): Candidate | null => {
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates[part]) {
      const score = baseScore(c) * (preferQuote !== null && c.quoteId === preferQuote ? 1.1 : 1);
      // Strictly greater: ties keep the earlier quote / clause (candidates are in input order).
      if (score > bestScore + 1e-12) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  };

  const motivation = pick('motivation', null);
  const anchor = motivation?.quoteId ?? null;
  const situation = pick('situation', anchor);
  const outcome = pick('outcome', anchor);

  const toPart = (c: Candidate | null): JtbdStatementPart =>
    c
      ? { text: c.clause.text, quoteId: c.quoteId, missing: false, start: c.clause.start, end: c.clause.end }
      : emptyPart();

  const leads = DEFAULT_LEADS[lang];
  const sLead = situation?.clause.lead ?? leads.situation.that;
  const mLead = motivation?.clause.lead ?? leads.motivation.verbal;
  const oLead = outcome?.clause.lead ?? leads.outcome[lang === 'en' ? 'verbal' : 'that'];
  const sText = situation?.clause.text ?? JTBD_PLACEHOLDER;
  const mText = motivation?.clause.text ?? JTBD_PLACEHOLDER;
  const oText = outcome?.clause.text ?? JTBD_PLACEHOLDER;
  const text = capitalise(`${sLead} ${sText}, ${mLead} ${mText}, ${oLead} ${oText}`);

  return {
    text,
    lang,
    situation: toPart(situation),
    motivation: toPart(motivation),
    outcome: toPart(outcome),
    jobQuoteIds,
  };
}
