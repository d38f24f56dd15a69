/**
 * Journey assembly: per stage and lane, the findings with their evidence and
 * strength, the emotion curve, touchpoint gaps and KPIs. Pure and deterministic:
 * the same input gives the same output, keys included.
 *
 * Lanes:
 * - jobs: an accepted job in every stage where some of its quotes are;
 * - actions / decisions / emotions: quotes tagged with a tag of that kind, one finding per tag and stage;
 * - pains / gains: tags of that kind, and theme clusters whose quotes in the stage are
 *   negative / positive (mean ≤ −THEME_VALENCE_THRESHOLD / ≥ +THEME_VALENCE_THRESHOLD);
 * - touchpoints: every touchpoint mentioned in the stage (inventory or discovered), missing ones flagged;
 * - thoughts: the representative quotes (see representative-quotes.ts), each backed by
 *   its theme's quotes in the stage;
 * - opportunities: the top OPPORTUNITIES_PER_STAGE pains of each stage and every missing touchpoint;
 * - kpis: L, C, P, Q (not findings).
 *
 * Scores (order inside a lane, higher first): weight = people + ln(quotes);
 * pains: weight × (1 + negativity), negativity = clamp(−sentiment / 2, 0, 1),
 * 0.5 when the sentiment is unknown; gains: weight × (1 + positivity), likewise;
 * thoughts: their centrality; other lanes: weight.
 */
import { emotionCurve, quoteEmotion } from './emotion-curve';
import { findingKey, FindingWithoutEvidenceError, strengthOf } from './evidence';
import {
  FINDING_LANES,
  type AssembleJourneyInput,
  type EmotionSeries,
  type EvidenceQuote,
  type Finding,
  type FindingLane,
  type FindingSubject,
  type FindingTouchpoint,
  type JourneyMap,
  type JourneyStageInput,
  type SilentTouchpointGap,
  type StageColumn,
  type StageKpis,
  type StageMetricInput,
} from './journey.types';
import { missingTouchpointOpportunityText, painOpportunityText, quotedText, taggedFindingText } from './opportunity-text';
import { representativeQuotes } from './representative-quotes';
import { mean, round2 } from './statistics';

export const THEME_VALENCE_THRESHOLD = 0.5;
export const OPPORTUNITIES_PER_STAGE = 3;
/** Quotes read to pick the example quote of a tag's finding (an evenly spaced sample beyond). */
export const EXAMPLE_CANDIDATES = 300;
/** Negativity (or positivity) assumed for a pain (gain) whose evidence has no sentiment. */
export const UNKNOWN_VALENCE = 0.5;

export interface CreateFindingParams {
  lane: FindingLane;
  stageId: string | null;
  subject: FindingSubject;
  text: string;
  evidence: readonly string[];
  score?: number;
  touchpoint?: FindingTouchpoint;
}

/** Evidence context: the quotes in scope in input order, each one's position and emotion (computed once). */
export interface EvidenceIndex {
  byId: ReadonlyMap<string, EvidenceQuote>;
  order: ReadonlyMap<string, number>;
  quotes: readonly EvidenceQuote[];
  emotions: ReadonlyArray<number | null>;
}

export function indexEvidence(quotes: readonly EvidenceQuote[]): EvidenceIndex {
  return {
    byId: new Map(quotes.map((q) => [q.id, q])),
    order: new Map(quotes.map((q, i) => [q.id, i])),
    quotes,
    emotions: quotes.map((q) => quoteEmotion(q)?.value ?? null),
  };
}

/** The weight of evidence: people + ln(quotes). */
export function evidenceWeight(participants: number, quotes: number): number {
  return quotes > 0 ? participants + Math.log(quotes) : 0;
}

/** Input positions of the quotes in scope among `ids`, each once, ascending, whatever the order of `ids`. */
function positionsIn(ids: readonly string[], index: EvidenceIndex): number[] {
  const found: number[] = [];
  for (const id of ids) {
    const position = index.order.get(id);
    if (position !== undefined) found.push(position);
  }
  const sorted = Int32Array.from(found).sort();
  return [...sorted.filter((position, i) => i === 0 || position !== sorted[i - 1])];
}

/**
 * Makes a finding. Evidence ids not in `index` are dropped, the rest kept once each in
 * input order; throws FindingWithoutEvidenceError when none is left, so a finding
 * without evidence cannot exist.
 */
export function createFinding(params: CreateFindingParams, index: EvidenceIndex): Finding {
  const key = findingKey(params.lane, params.stageId, params.subject);
  const positions = positionsIn(params.evidence, index);
  if (positions.length === 0) throw new FindingWithoutEvidenceError(key);
  const evidence: string[] = [];
  const quotes: EvidenceQuote[] = [];
  let emotionSum = 0;
  let emotionCount = 0;
  let inferredStages = 0;
  for (let i = 0; i < positions.length; i++) {
    const quote = index.quotes[positions[i]];
    evidence.push(quote.id);
    quotes.push(quote);
    const emotion = index.emotions[positions[i]];
    if (emotion !== null) {
      emotionSum += emotion;
      emotionCount++;
    }
    if (quote.stageInferred) inferredStages++;
  }
  const strength = strengthOf(quotes);
  const finding: Finding = {
    key,
    lane: params.lane,
    stageId: params.stageId,
    text: params.text,
    evidence,
    strength,
    subject: params.subject,
    sentiment: emotionCount === 0 ? null : round2(emotionSum / emotionCount),
    score: round4(params.score ?? evidenceWeight(strength.participants, strength.quotes)),
    inferredStageShare: round2(inferredStages / quotes.length),
  };
  if (params.touchpoint) finding.touchpoint = params.touchpoint;
  return finding;
}

function round4(x: number): number {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

function valenceScore(finding: Finding, sign: -1 | 1): number {
  const valence = finding.sentiment === null ? UNKNOWN_VALENCE : Math.min(1, Math.max(0, (sign * finding.sentiment) / 2));
  return evidenceWeight(finding.strength.participants, finding.strength.quotes) * (1 + valence);
}

const TAG_LANES: ReadonlyArray<[kind: 'action' | 'decision' | 'emotion' | 'pain' | 'gain', lane: FindingLane]> = [
  ['action', 'actions'],
  ['decision', 'decisions'],
  ['emotion', 'emotions'],
  ['pain', 'pains'],
  ['gain', 'gains'],
];

const emptyLanes = (): Record<FindingLane, Finding[]> =>
  Object.fromEntries(FINDING_LANES.map((lane) => [lane, [] as Finding[]])) as unknown as Record<FindingLane, Finding[]>;

export function assembleJourney(input: AssembleJourneyInput): JourneyMap {
  const personaId = input.personaId ?? null;
  const stages = [...input.stages].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stageIds = new Set(stages.map((s) => s.id));
  const inScope = (p: { personaId: string | null }) => personaId === null || p.personaId === personaId;
  const quotes = input.quotes.filter(inScope);
  const survey = (input.surveyMetrics ?? []).filter(inScope);
  const index = indexEvidence(quotes);
  const byStage = new Map<string, EvidenceQuote[]>(stages.map((s) => [s.id, []]));
  for (const q of quotes) if (q.stageId !== null) byStage.get(q.stageId)?.push(q);

  const kpis = stageKpis(stages, input.metrics ?? []);
  const largestDropStageId = largestDrop(stages, kpis);
  const columns: StageColumn[] = stages.map((s) => ({
    id: s.id,
    name: s.name,
    order: s.order,
    quotes: byStage.get(s.id)?.length ?? 0,
    lanes: emptyLanes(),
    kpis: kpis.get(s.id) ?? null,
  }));
  const column = new Map(columns.map((c) => [c.id, c]));
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const looseFindings: Finding[] = [];
  const add = (finding: Finding) => {
    const target = finding.stageId === null ? undefined : column.get(finding.stageId);
    if (target) target.lanes[finding.lane].push(finding);
    else looseFindings.push(finding);
  };

  // Jobs.
  for (const job of input.jobs ?? []) {
    const perStage = groupByStage(job.quoteIds, index, stageIds);
    for (const stage of stages) {
      const evidence = perStage.get(stage.id)?.map((q) => q.id);
      if (evidence) add(createFinding({ lane: 'jobs', stageId: stage.id, subject: { kind: 'job', id: job.id }, text: job.statement.trim() || job.title, evidence }, index));
    }
  }

  // Tag lanes.
  /** What an opportunity calls a pain of a catch-all tag or an unnamed theme: its typical quote (else the finding's text). */
  const painSubjects = new Map<string, string>();
  for (const stage of stages) {
    const groups = new Map<string, { lane: FindingLane; id: string; name: string; generic: boolean; evidence: string[] }>();
    for (const q of byStage.get(stage.id) ?? []) {
      for (const tag of q.tags) {
        const lane = TAG_LANES.find(([kind]) => kind === tag.kind)?.[1];
        if (!lane) continue;
        const groupKey = `${lane}\u0000${tag.id}`;
        const group = groups.get(groupKey) ?? { lane, id: tag.id, name: tag.name, generic: tag.generic === true, evidence: [] };
        group.evidence.push(q.id);
        groups.set(groupKey, group);
      }
    }
    for (const g of groups.values()) {
      // A catch-all tag's name ("Pain") says nothing: its most typical quote says what customers meant.
      const example = g.generic ? typicalQuote(g.evidence.map((id) => index.byId.get(id)).filter((q): q is EvidenceQuote => q !== undefined)) : undefined;
      const text = example ? taggedFindingText(input.lang, g.name, example) : g.name;
      const finding = createFinding({ lane: g.lane, stageId: stage.id, subject: { kind: 'tag', id: g.id }, text, evidence: g.evidence }, index);
      if (example) painSubjects.set(finding.key, example);
      if (g.lane === 'pains') finding.score = round4(valenceScore(finding, -1));
      if (g.lane === 'gains') finding.score = round4(valenceScore(finding, 1));
      add(finding);
    }
  }

  // Themes as pains and gains, and as support of thoughts.
  const themeOfQuote = new Map<string, string>();
  for (const theme of input.themes ?? []) for (const id of theme.quoteIds) if (!themeOfQuote.has(id)) themeOfQuote.set(id, theme.id);
  for (const theme of input.themes ?? []) {
    const perStage = groupByStage(theme.quoteIds, index, stageIds);
    for (const stage of stages) {
      const stageQuotes = perStage.get(stage.id);
      if (!stageQuotes) continue;
      const known = stageQuotes.map(quoteEmotion).filter((e) => e !== null).map((e) => e.value);
      const sentiment = mean(known) ?? theme.meanSentiment;
      if (sentiment === null || Math.abs(sentiment) < THEME_VALENCE_THRESHOLD) continue;
      const lane: FindingLane = sentiment < 0 ? 'pains' : 'gains';
      // An engine's label is a bag of keywords until a person names the theme: till then its most typical quote here speaks for it.
      const example = theme.named ? undefined : typicalQuote(stageQuotes);
      const text = example ? quotedText(input.lang, example) : theme.label;
      const finding = createFinding({ lane, stageId: stage.id, subject: { kind: 'theme', id: theme.id }, text, evidence: stageQuotes.map((q) => q.id) }, index);
      if (example) painSubjects.set(finding.key, example);
      if (finding.sentiment === null) finding.sentiment = round2(sentiment);
      finding.score = round4(valenceScore(finding, lane === 'pains' ? -1 : 1));
      add(finding);
    }
  }

  // Thoughts.
  for (const stage of stages) {
    const stageQuotes = byStage.get(stage.id) ?? [];
    const themeCount = new Map<string, number>();
    const themeMembers = new Map<string, string[]>();
    for (const q of stageQuotes) {
      const theme = themeOfQuote.get(q.id);
      if (!theme) continue;
      themeCount.set(theme, (themeCount.get(theme) ?? 0) + 1);
      const members = themeMembers.get(theme) ?? [];
      members.push(q.id);
      themeMembers.set(theme, members);
    }
    const chosen = representativeQuotes(
      stageQuotes,
      (id) => themeOfQuote.get(id),
      (theme) => themeCount.get(theme) ?? 0,
    );
    chosen.forEach((q, rank) => {
      const theme = themeOfQuote.get(q.id);
      const evidence = [q.id, ...(theme ? (themeMembers.get(theme) ?? []) : [])];
      add(createFinding({ lane: 'thoughts', stageId: stage.id, subject: { kind: 'quote', id: q.id }, text: q.text, evidence, score: chosen.length - rank }, index));
    });
  }

  // Touchpoints and gaps.
  const missingFindings: Finding[] = [];
  const silent: SilentTouchpointGap[] = [];
  const analysis = input.touchpoints;
  if (analysis) {
    const missingByKey = new Map(analysis.missing.map((m) => [m.key, m]));
    const rowByRef = new Map(analysis.matrix.rows.map((r) => [r.ref, r]));
    const groups = new Map<string, { touchpointId: string | null; key: string | null; text: string; mentions: Map<string, number> }>();
    for (const m of analysis.mentions) {
      if (!index.byId.has(m.quoteId)) continue;
      const ref = m.touchpointId ?? `discovered:${m.key ?? m.text.toLowerCase()}`;
      const group = groups.get(ref) ?? { touchpointId: m.touchpointId, key: m.key, text: m.text, mentions: new Map<string, number>() };
      group.mentions.set(m.quoteId, (group.mentions.get(m.quoteId) ?? 0) + 1);
      groups.set(ref, group);
    }
    const refs = [...groups.keys()].sort();
    for (const ref of refs) {
      const group = groups.get(ref);
      if (!group) continue;
      const missing = group.touchpointId === null && group.key !== null && missingByKey.has(group.key);
      const name = rowByRef.get(ref)?.name ?? (group.key ? missingByKey.get(group.key)?.name : undefined) ?? group.text;
      const perStage = new Map<string, string[]>();
      for (const quoteId of group.mentions.keys()) {
        const stageId = index.byId.get(quoteId)?.stageId ?? null;
        if (stageId === null || !stageIds.has(stageId)) continue;
        const list = perStage.get(stageId) ?? [];
        list.push(quoteId);
        perStage.set(stageId, list);
      }
      for (const stage of stages) {
        const evidence = perStage.get(stage.id);
        if (!evidence) continue;
        const mentions = evidence.reduce((sum, id) => sum + (group.mentions.get(id) ?? 0), 0);
        const touchpoint: FindingTouchpoint = { touchpointId: group.touchpointId, key: group.key, discovered: group.touchpointId === null, missing, mentions };
        const finding = createFinding({ lane: 'touchpoints', stageId: stage.id, subject: { kind: 'touchpoint', id: ref }, text: name, evidence, touchpoint }, index);
        add(finding);
        if (missing) missingFindings.push(finding);
      }
      if (missing && group.key !== null) {
        // One opportunity per missing touchpoint, at the stage where most of its quotes are (ties: the earlier stage),
        // backed by that stage's quotes; without a staged quote, stage null and all its quotes.
        let bestStage: string | null = null;
        for (const stage of stages) if ((perStage.get(stage.id)?.length ?? 0) > (bestStage ? (perStage.get(bestStage)?.length ?? 0) : 0)) bestStage = stage.id;
        const text = missingTouchpointOpportunityText(input.lang, name, bestStage === null ? null : (stageName.get(bestStage) ?? null));
        const evidence = bestStage === null ? [...group.mentions.keys()] : (perStage.get(bestStage) ?? []);
        add(createFinding({ lane: 'opportunities', stageId: bestStage, subject: { kind: 'missing-touchpoint', id: group.key }, text, evidence }, index));
      }
    }
    const inventory = new Map<string, string>();
    for (const row of analysis.matrix.rows) if (row.touchpointId !== null) inventory.set(row.touchpointId, row.name);
    for (const s of analysis.silent) if (!inventory.has(s.touchpointId)) inventory.set(s.touchpointId, s.name);
    const mentioned = new Set([...groups.values()].map((g) => g.touchpointId).filter((id) => id !== null));
    const people = new Set(quotes.map((q) => q.participantKey)).size;
    for (const [touchpointId, name] of inventory) {
      if (!mentioned.has(touchpointId)) silent.push({ touchpointId, name, searchedQuotes: quotes.length, searchedParticipants: people });
    }
  }

  // Rank lanes, then opportunities from the top pains.
  for (const c of columns) for (const lane of FINDING_LANES) c.lanes[lane].sort(byScore);
  for (const c of columns) {
    for (const pain of c.lanes.pains.slice(0, OPPORTUNITIES_PER_STAGE)) {
      const text = painOpportunityText(input.lang, painSubjects.get(pain.key) ?? pain.text, c.name, c.id === largestDropStageId);
      const finding = createFinding({ lane: 'opportunities', stageId: c.id, subject: { kind: 'pain', id: `${pain.subject.kind}:${pain.subject.id}` }, text, evidence: pain.evidence, score: pain.score }, index);
      c.lanes.opportunities.push(finding);
    }
    c.lanes.opportunities.sort(byScore);
  }
  looseFindings.sort(byScore);

  const findings = [...columns.flatMap((c) => FINDING_LANES.flatMap((lane) => c.lanes[lane])), ...looseFindings];
  const curve = emotionCurve(stages, quotes, survey);
  const overall: EmotionSeries = { personaId: null, points: curve.points };
  const byPersona: EmotionSeries[] = [];
  if (input.byPersona) {
    const personas = [...new Set([...quotes, ...survey].map((x) => x.personaId).filter((id) => id !== null))].sort();
    for (const persona of personas) {
      const own = emotionCurve(
        stages,
        quotes.filter((q) => q.personaId === persona),
        survey.filter((p) => p.personaId === persona),
      );
      byPersona.push({ personaId: persona, points: own.points });
    }
  }
  return {
    lang: input.lang,
    personaId,
    stages: columns,
    findings,
    emotion: { overall, byPersona },
    touchpointGaps: { missing: missingFindings, silent },
    largestDropStageId,
    totals: {
      quotes: quotes.length,
      participants: new Set(quotes.map((q) => q.participantKey)).size,
      sources: new Set(quotes.map((q) => `${q.sourceKind}:${q.sourceId}`)).size,
      unstagedQuotes: quotes.filter((q) => q.stageId === null || !stageIds.has(q.stageId)).length,
      skippedMetricPoints: curve.skippedMetricPoints,
    },
  };
}

/** The most typical of some quotes (trimmed), by the thoughts' measure without themes; undefined for none. */
function typicalQuote(quotes: readonly EvidenceQuote[]): string | undefined {
  return representativeQuotes(quotes, () => undefined, () => 0, 1, EXAMPLE_CANDIDATES)[0]?.text.trim();
}

/**
 * The quotes in scope among `ids` (each once), by stage, in input order whatever the order of
 * `ids` (a cluster lists its members by id, and ids differ between identical projects).
 */
function groupByStage(ids: readonly string[], index: EvidenceIndex, stageIds: ReadonlySet<string>): Map<string, EvidenceQuote[]> {
  const out = new Map<string, EvidenceQuote[]>();
  for (const position of positionsIn(ids, index)) {
    const quote = index.quotes[position];
    if (quote.stageId === null || !stageIds.has(quote.stageId)) continue;
    const list = out.get(quote.stageId) ?? [];
    list.push(quote);
    out.set(quote.stageId, list);
  }
  return out;
}

function byScore(a: Finding, b: Finding): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** KPIs per stage; a later metric of the same stage overrides the fields it sets. C from consecutive L when absent. */
export function stageKpis(stages: readonly JourneyStageInput[], metrics: readonly StageMetricInput[]): Map<string, StageKpis> {
  const merged = new Map<string, StageMetricInput>();
  for (const m of metrics) {
    const previous = merged.get(m.stageId) ?? { stageId: m.stageId };
    const next: StageMetricInput = { ...previous };
    if (m.leads !== undefined && m.leads !== null) next.leads = m.leads;
    if (m.conversion !== undefined && m.conversion !== null) next.conversion = m.conversion;
    if (m.averageCheck !== undefined && m.averageCheck !== null) next.averageCheck = m.averageCheck;
    if (m.purchaseFrequency !== undefined && m.purchaseFrequency !== null) next.purchaseFrequency = m.purchaseFrequency;
    if (m.source) next.source = m.source;
    merged.set(m.stageId, next);
  }
  const out = new Map<string, StageKpis>();
  stages.forEach((stage, i) => {
    const m = merged.get(stage.id);
    if (!m) return;
    const leads = m.leads ?? null;
    const nextLeads = i + 1 < stages.length ? (merged.get(stages[i + 1].id)?.leads ?? null) : null;
    const conversion = m.conversion ?? (leads !== null && leads > 0 && nextLeads !== null ? Math.min(1, nextLeads / leads) : null);
    out.set(stage.id, {
      leads,
      conversion: conversion === null ? null : round4(conversion),
      averageCheck: m.averageCheck ?? null,
      purchaseFrequency: m.purchaseFrequency ?? null,
      lost: leads !== null && conversion !== null ? Math.round(leads * (1 - conversion)) : null,
      source: m.source ?? null,
    });
  });
  return out;
}

/** The stage (not the last) with the lowest conversion to the next; ties go to the earlier stage. */
function largestDrop(stages: readonly JourneyStageInput[], kpis: ReadonlyMap<string, StageKpis>): string | null {
  let best: string | null = null;
  let lowest = Infinity;
  for (const stage of stages.slice(0, -1)) {
    const conversion = kpis.get(stage.id)?.conversion;
    if (conversion === null || conversion === undefined) continue;
    if (conversion < lowest) {
      lowest = conversion;
      best = stage.id;
    }
  }
  return best;
}

