/**
 * The whole synthesis of a project's evidence, as plain data:
 * 1. sentiment of every quote (moderator value > emotion tag score > lexicon);
 * 2. stage of every quote (tag > classifier trained on tagged quotes > lexicon > unknown);
 * 3. clusters of quotes (clusterQuotes, seeded with the quotes' first `job` tag when any);
 * 4. each cluster marked 'job' or 'theme' and job clusters given a drafted JTBD statement;
 * 5. touchpoint mentions, the touchpoint × stage matrix, missing and silent touchpoints.
 *
 * Job rule: a quote states a job when it carries a `job` tag, or has a motivation
 * clause, or both a situation and an outcome clause. A cluster is a 'job' cluster
 * when at least JOB_SHARE (40 %) of its quotes state a job and at least two do
 * (one in a one-quote cluster); otherwise it is a 'theme'.
 *
 * The same input and seed give the same output: nothing here reads the clock or
 * draws random numbers except through clusterQuotes' seeded generator.
 */
import { clusterQuotes, type QuoteCluster } from './cluster';
import { carriesJob, draftJtbd, extractJtbdClauses, type JtbdStatement } from './jtbd';
import { analyseSentiment, type QuoteSentiment } from './sentiment';
import { buildStageClassifier, type StageAssignment, type StageModelInfo, type StageOptions } from './stages';
import { analyseTouchpoints, findTouchpointMentions, type TouchpointAnalysis } from './touchpoints';
import { detectLanguage } from './text';
import type { QuoteInput, StageInput, SynthesisOptions, TouchpointInput } from './types';

export const ENGINE_VERSION = 'tropa-synthesis/0.1.0';
export const JOB_SHARE = 0.4;

export type ClusterKind = 'job' | 'theme';

export interface SynthesisCluster extends QuoteCluster {
  kind: ClusterKind;
  /** Share of the cluster's quotes that state a job (see the job rule). */
  jobShare: number;
  jobQuoteIds: string[];
  /** Drafted statement for job clusters; null for themes. */
  jtbd: JtbdStatement | null;
  /** Mean sentiment of the members, -2..+2 (null for an empty cluster). */
  meanSentiment: number | null;
  /** Stage shares over members with a known stage, tagged or inferred. */
  inferredStageDistribution: Record<string, number>;
}

/** The engine's steps, in order, as reported to `onProgress`. */
export type SynthesisStep = 'sentiment' | 'stages' | 'clustering' | 'touchpoints';

export interface SynthesisInput {
  quotes: readonly QuoteInput[];
  stages: readonly StageInput[];
  touchpoints: readonly TouchpointInput[];
  options?: SynthesisOptions & StageOptions;
  /** Called as each step starts (fraction 0) and when the whole synthesis is done ('touchpoints', 1). */
  onProgress?: (step: SynthesisStep, fraction: number) => void;
}

export interface SynthesisResult {
  engineVersion: string;
  clusters: SynthesisCluster[];
  unclustered: string[];
  stages: StageAssignment[];
  stageModel: StageModelInfo;
  sentiment: QuoteSentiment[];
  touchpoints: TouchpointAnalysis;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Quote index → first job tag id, for seeding the clustering with moderators' jobs. */
function jobSeeds(quotes: readonly QuoteInput[]): Map<number, string> {
  const seeds = new Map<number, string>();
  quotes.forEach((q, i) => {
    const job = (q.tags ?? []).find((t) => t.kind === 'job');
    if (job) seeds.set(i, job.id);
  });
  return seeds;
}

export function synthesise(input: SynthesisInput): SynthesisResult {
  const quotes = (input.quotes ?? []).filter((q) => q && typeof q.id === 'string');
  const stages = [...(input.stages ?? [])].sort((a, b) => a.order - b.order);
  const inventory = input.touchpoints ?? [];
  const options = input.options ?? {};
  const progress = input.onProgress ?? (() => undefined);

  progress('sentiment', 0);
  const sentiment = analyseSentiment(quotes);
  progress('stages', 0);
  const classifier = buildStageClassifier(quotes, stages, options);
  const stageAssignments = quotes.map((q) => classifier.assign(q));

  const byId = new Map(quotes.map((q) => [q.id, q]));
  const sentimentById = new Map(sentiment.map((s) => [s.quoteId, s.score]));
  const stageById = new Map(stageAssignments.map((s) => [s.quoteId, s.stageId]));
  const statesJob = new Map<string, boolean>();
  for (const q of quotes) {
    const tagged = (q.tags ?? []).some((t) => t.kind === 'job');
    const lang = q.lang ?? detectLanguage(q.text ?? '');
    statesJob.set(q.id, tagged || carriesJob(extractJtbdClauses(q.text ?? '', lang)));
  }

  progress('clustering', 0);
  const seeds = jobSeeds(quotes);
  const clustered = clusterQuotes(quotes, {
    seed: options.seed,
    k: options.k,
    ...(seeds.size > 0 ? { seedLabels: seeds } : {}),
  });

  const clusters: SynthesisCluster[] = clustered.clusters.map((cluster) => {
    const members = cluster.memberIds.map((id) => byId.get(id)).filter((q): q is QuoteInput => q !== undefined);
    const jobQuoteIds = members.filter((q) => statesJob.get(q.id)).map((q) => q.id);
    const jobShare = members.length ? jobQuoteIds.length / members.length : 0;
    const kind: ClusterKind =
      members.length > 0 && jobShare >= JOB_SHARE && jobQuoteIds.length >= Math.min(2, members.length) ? 'job' : 'theme';
    const jtbd =
      kind === 'job'
        ? draftJtbd(members, { keywords: cluster.keywords, representativeIds: cluster.representativeIds, lang: cluster.lang })
        : null;
    const scores = members.map((q) => sentimentById.get(q.id)).filter((s): s is number => typeof s === 'number');
    const meanSentiment = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
    const stageCounts = new Map<string, number>();
    let known = 0;
    for (const q of members) {
      const stageId = stageById.get(q.id);
      if (!stageId) continue;
      known++;
      stageCounts.set(stageId, (stageCounts.get(stageId) ?? 0) + 1);
    }
    const inferredStageDistribution: Record<string, number> = {};
    for (const stage of stages) {
      const n = stageCounts.get(stage.id);
      if (n) inferredStageDistribution[stage.id] = round4(n / known);
    }
    return {
      ...cluster,
      // A job is named by what its people want ("Повторить прошлый заказ в пару касаний"), not by keywords.
      label: jobLabel(jtbd) ?? cluster.label,
      kind,
      jobShare: round4(jobShare),
      jobQuoteIds,
      jtbd,
      meanSentiment,
      inferredStageDistribution,
    };
  });

  progress('touchpoints', 0);
  const mentions = findTouchpointMentions(quotes, inventory);
  const touchpoints = analyseTouchpoints({
    quotes,
    inventory,
    stages: stageAssignments,
    stageOrder: stages.map((s) => s.id),
    sentiment,
    mentions,
  });

  progress('touchpoints', 1);
  return {
    engineVersion: ENGINE_VERSION,
    clusters,
    unclustered: clustered.unclustered,
    stages: stageAssignments,
    stageModel: classifier.info,
    sentiment,
    touchpoints,
  };
}

/** Longest job name, in characters (cut at a word, with an ellipsis). */
export const JOB_LABEL_MAX = 120;

/** The motivation of a drafted statement as a name, first letter up; null without one. */
export function jobLabel(jtbd: JtbdStatement | null): string | null {
  let want = jtbd?.motivation.missing ? null : jtbd?.motivation.text?.trim();
  if (!want) return null;
  if (want.length > JOB_LABEL_MAX) {
    const cut = want.lastIndexOf(' ', JOB_LABEL_MAX - 1);
    want = `${want.slice(0, cut > 0 ? cut : JOB_LABEL_MAX - 1).trim()}…`;
  }
  // "чтобы доставили к вечеру" is half a sentence as a name: the statement's "хочу" makes it whole.
  if (jtbd?.lang === 'ru' && /^чтобы\s/iu.test(want)) return `Хочу, ${want}`;
  return want.charAt(0).toUpperCase() + want.slice(1);
}
