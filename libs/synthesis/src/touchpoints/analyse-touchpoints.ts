/**
 * Touchpoint analysis: the touchpoint × stage matrix (quotes, mentions and mean
 * sentiment per cell), missing touchpoints (customers name them, the inventory
 * lacks them) and silent ones (in the inventory, never mentioned).
 * A quote counts once per cell however many times it names the touchpoint; its
 * stage is its tagged or inferred stage (null column when unknown); its
 * sentiment is the quote's sentiment.
 */
import { detectLanguage } from '../text';
import type { Lang, QuoteInput, TouchpointInput } from '../types';
import type { StageAssignment } from '../stages/assign-stages';
import type { QuoteSentiment } from '../sentiment/quote-sentiment';
import { quoteSentiment } from '../sentiment/quote-sentiment';
import { findTouchpointMentions, gazetteerEntry, type TouchpointMention } from './find-mentions';
import type { ChannelKind } from './gazetteer';

export interface TouchpointStageCell {
  /** Row reference: the inventory id, or "discovered:<key>". */
  ref: string;
  touchpointId: string | null;
  key: string | null;
  stageId: string | null;
  quotes: number;
  mentions: number;
  /** Mean sentiment of the cell's quotes, -2..+2. */
  meanSentiment: number | null;
}

export interface TouchpointRow {
  ref: string;
  touchpointId: string | null;
  key: string | null;
  name: string;
  kind: ChannelKind | null;
  discovered: boolean;
  quotes: number;
  mentions: number;
  participants: number;
  meanSentiment: number | null;
}

export interface TouchpointMatrix {
  rows: TouchpointRow[];
  /** Stage columns in stage order; null = stage unknown. */
  stageIds: Array<string | null>;
  cells: TouchpointStageCell[];
}

export interface MissingTouchpoint {
  key: string;
  name: string;
  nameRu: string;
  nameEn: string;
  kind: ChannelKind;
  mentions: number;
  quotes: number;
  participants: number;
  meanSentiment: number | null;
  /** Up to MAX_EXAMPLES quote ids, in input order. */
  exampleQuoteIds: string[];
  /** Stage id → number of quotes. */
  stages: Record<string, number>;
}

export interface SilentTouchpoint {
  touchpointId: string;
  name: string;
}

export interface TouchpointAnalysis {
  mentions: TouchpointMention[];
  matrix: TouchpointMatrix;
  missing: MissingTouchpoint[];
  silent: SilentTouchpoint[];
}

export interface TouchpointAnalysisInput {
  quotes: readonly QuoteInput[];
  inventory: readonly TouchpointInput[];
  /** Stage of each quote (from assignStages); quotes without one go to the null column. */
  stages?: readonly StageAssignment[];
  /** Stage order for the columns. */
  stageOrder?: readonly string[];
  /** Sentiment of each quote (from analyseSentiment); computed when absent. */
  sentiment?: readonly QuoteSentiment[];
  /** Language of display names of discovered touchpoints; default: the quotes' majority. */
  lang?: Lang;
  /** Mentions already found (skips matching). */
  mentions?: readonly TouchpointMention[];
}

export const MAX_EXAMPLES = 5;

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

function mean(values: readonly number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

const refOf = (m: TouchpointMention): string => m.touchpointId ?? `discovered:${m.key ?? m.text.toLowerCase()}`;

export function analyseTouchpoints(input: TouchpointAnalysisInput): TouchpointAnalysis {
  const { quotes, inventory } = input;
  const mentions = input.mentions ? [...input.mentions] : findTouchpointMentions(quotes, inventory);
  const quoteById = new Map(quotes.map((q, i) => [q.id, { quote: q, index: i }]));
  const stageOf = new Map((input.stages ?? []).map((s) => [s.quoteId, s.stageId]));
  const sentimentOf = new Map((input.sentiment ?? quotes.map(quoteSentiment)).map((s) => [s.quoteId, s.score]));
  let lang: Lang = input.lang ?? 'en';
  if (!input.lang) {
    const ru = quotes.filter((q) => (q.lang ?? detectLanguage(q.text ?? '')) === 'ru').length;
    lang = ru * 2 >= quotes.length && quotes.length > 0 ? 'ru' : 'en';
  }

  // Group: ref → quote ids (first-seen order) and mention counts.
  const groups = new Map<string, { sample: TouchpointMention; quoteIds: string[]; seen: Set<string>; mentions: TouchpointMention[] }>();
  for (const m of mentions) {
    const ref = refOf(m);
    const g = groups.get(ref) ?? { sample: m, quoteIds: [], seen: new Set<string>(), mentions: [] };
    g.mentions.push(m);
    if (!g.seen.has(m.quoteId)) {
      g.seen.add(m.quoteId);
      g.quoteIds.push(m.quoteId);
    }
    groups.set(ref, g);
  }

  const order = input.stageOrder ?? [];
  const columnIndex = (id: string | null): number => (id === null ? Number.MAX_SAFE_INTEGER : order.indexOf(id) < 0 ? order.length : order.indexOf(id));
  const rows: TouchpointRow[] = [];
  const cells: TouchpointStageCell[] = [];
  const columns = new Set<string | null>();
  const inventoryOrder = new Map(inventory.map((t, i) => [t.id, i]));

  const sortedRefs = [...groups.keys()].sort((a, b) => {
    const ga = groups.get(a);
    const gb = groups.get(b);
    const ia = ga?.sample.touchpointId ? (inventoryOrder.get(ga.sample.touchpointId) ?? 0) : Number.MAX_SAFE_INTEGER;
    const ib = gb?.sample.touchpointId ? (inventoryOrder.get(gb.sample.touchpointId) ?? 0) : Number.MAX_SAFE_INTEGER;
    if (ia !== ib) return ia - ib;
    return (gb?.quoteIds.length ?? 0) - (ga?.quoteIds.length ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  });

  const missing: MissingTouchpoint[] = [];
  for (const ref of sortedRefs) {
    const g = groups.get(ref);
    if (!g) continue;
    const { sample } = g;
    const entry = sample.key ? gazetteerEntry(sample.key) : undefined;
    const inv = sample.touchpointId ? inventory.find((t) => t.id === sample.touchpointId) : undefined;
    const participants = new Set(g.quoteIds.map((id) => quoteById.get(id)?.quote.participantId ?? `quote:${id}`)).size;
    const scores = g.quoteIds.map((id) => sentimentOf.get(id)).filter((s): s is number => typeof s === 'number');
    const name = inv?.name ?? (entry ? (lang === 'ru' ? entry.ru : entry.en) : sample.text);
    rows.push({
      ref,
      touchpointId: sample.touchpointId,
      key: sample.key,
      name,
      kind: entry?.kind ?? null,
      discovered: sample.touchpointId === null,
      quotes: g.quoteIds.length,
      mentions: g.mentions.length,
      participants,
      meanSentiment: mean(scores),
    });

    const byStage = new Map<string | null, { quoteIds: string[]; seen: Set<string>; mentions: number }>();
    for (const m of g.mentions) {
      const stageId = stageOf.get(m.quoteId) ?? null;
      const cell = byStage.get(stageId) ?? { quoteIds: [], seen: new Set<string>(), mentions: 0 };
      cell.mentions++;
      if (!cell.seen.has(m.quoteId)) {
        cell.seen.add(m.quoteId);
        cell.quoteIds.push(m.quoteId);
      }
      byStage.set(stageId, cell);
    }
    const stageIds = [...byStage.keys()].sort((a, b) => columnIndex(a) - columnIndex(b) || String(a).localeCompare(String(b)));
    for (const stageId of stageIds) {
      const cell = byStage.get(stageId);
      if (!cell) continue;
      columns.add(stageId);
      const cellScores = cell.quoteIds.map((id) => sentimentOf.get(id)).filter((s): s is number => typeof s === 'number');
      cells.push({
        ref,
        touchpointId: sample.touchpointId,
        key: sample.key,
        stageId,
        quotes: cell.quoteIds.length,
        mentions: cell.mentions,
        meanSentiment: mean(cellScores),
      });
    }

    if (sample.touchpointId === null && entry) {
      const stages: Record<string, number> = {};
      for (const stageId of stageIds) if (stageId !== null) stages[stageId] = byStage.get(stageId)?.quoteIds.length ?? 0;
      const examples = [...g.quoteIds].sort((a, b) => (quoteById.get(a)?.index ?? 0) - (quoteById.get(b)?.index ?? 0));
      missing.push({
        key: entry.key,
        name: lang === 'ru' ? entry.ru : entry.en,
        nameRu: entry.ru,
        nameEn: entry.en,
        kind: entry.kind,
        mentions: g.mentions.length,
        quotes: g.quoteIds.length,
        participants,
        meanSentiment: mean(scores),
        exampleQuoteIds: examples.slice(0, MAX_EXAMPLES),
        stages,
      });
    }
  }
  missing.sort((a, b) => b.quotes - a.quotes || b.mentions - a.mentions || (a.key < b.key ? -1 : 1));

  const mentioned = new Set(mentions.map((m) => m.touchpointId).filter((id): id is string => id !== null));
  const silent: SilentTouchpoint[] = inventory.filter((t) => !mentioned.has(t.id)).map((t) => ({ touchpointId: t.id, name: t.name }));

  const stageIds = [...columns].sort((a, b) => columnIndex(a) - columnIndex(b) || String(a).localeCompare(String(b)));
  return { mentions, matrix: { rows, stageIds, cells }, missing, silent };
}
