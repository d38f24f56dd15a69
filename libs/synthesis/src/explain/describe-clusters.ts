/**
 * Human-readable description of clusters: label and keywords (class-based
 * TF-IDF shown as real words), representative quotes, cohesion, reach across
 * participants and sources, and the stage distribution from stage tags.
 */
import type { Lang, QuoteInput } from '../types';
import { SurfaceMap, tokenise, type Token } from '../text';
import { dot4 } from '../vectors/dense';
import { classTfidf, termsOf } from './class-tfidf';
import { representativeMembers } from './representatives';

export interface ClusterDescription {
  label: string;
  keywords: string[];
  /** Indices (into the quotes array) of representative quotes, best first. */
  representatives: number[];
  /** Mean cosine of members to the centroid (0..1). */
  cohesion: number;
  /** Cosine of each member to the centroid, in member order. */
  scores: number[];
  size: number;
  /** Distinct participants in the cluster / distinct participants in all quotes (0 when unknown). */
  participantShare: number;
  /** Distinct sources in the cluster / distinct sources in all quotes (0 when unknown). */
  sourceShare: number;
  /** Stage id → share of the cluster's stage-tagged members carrying it (sums to 1 when any). */
  stageDistribution: Record<string, number>;
  lang: Lang;
}

export interface DescribeInput {
  quotes: readonly QuoteInput[];
  langs: readonly Lang[];
  /** Member indices per cluster. */
  clusters: readonly number[][];
  vectors: Float64Array;
  dim: number;
  keywordCount?: number;
  /** Tokens per quote when already computed (tokenise(text, lang) of the same quote). */
  tokens?: readonly (Token[] | undefined)[];
}

function distinct(values: Iterable<string | undefined>): Set<string> {
  const set = new Set<string>();
  for (const v of values) if (v) set.add(v);
  return set;
}

export function describeClusters(input: DescribeInput): ClusterDescription[] {
  const { quotes, langs, clusters, vectors, dim } = input;
  const surfaces = new SurfaceMap();
  // Tokenise members only: unclustered quotes do not describe any cluster.
  const bags: Map<string, number>[] = new Array(quotes.length);
  for (const members of clusters) {
    for (const i of members) bags[i] = termsOf(input.tokens?.[i] ?? tokenise(quotes[i].text ?? '', langs[i]), surfaces);
  }
  const terms = classTfidf(bags, clusters, input.keywordCount ?? 6);
  const allParticipants = distinct(quotes.map((q) => q.participantId)).size;
  const allSources = distinct(quotes.map((q) => q.sourceId)).size;

  return clusters.map((members, c) => {
    const centroid = new Float64Array(dim);
    for (const i of members) for (let d = 0; d < dim; d++) centroid[d] += vectors[i * dim + d];
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += centroid[d] * centroid[d];
    if (norm > 0) for (let d = 0; d < dim; d++) centroid[d] /= Math.sqrt(norm);
    const scores = members.map((i) => Math.max(0, Math.min(1, dot4(vectors, i * dim, centroid, 0, dim))));
    const cohesion = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
    const count = Math.min(members.length, Math.max(3, Math.min(5, Math.ceil(members.length / 10))));
    const representatives = representativeMembers(members, vectors, dim, centroid, count);
    const keywords = terms[c].map((t) => surfaces.surface(t.term));
    const label = keywords.slice(0, 3).join(', ') || (representatives.length ? (quotes[representatives[0]].text ?? '').slice(0, 60) : '');

    const stageCounts: Record<string, number> = {};
    let tagged = 0;
    for (const i of members) {
      const stages = distinct((quotes[i].tags ?? []).filter((t) => t.kind === 'stage').map((t) => t.id));
      if (stages.size === 0) continue;
      tagged++;
      for (const s of stages) stageCounts[s] = (stageCounts[s] ?? 0) + 1 / stages.size;
    }
    const stageDistribution: Record<string, number> = {};
    for (const s of Object.keys(stageCounts).sort()) stageDistribution[s] = stageCounts[s] / tagged;

    let ru = 0;
    for (const i of members) if (langs[i] === 'ru') ru++;
    return {
      label,
      keywords,
      representatives,
      cohesion,
      scores,
      size: members.length,
      participantShare: allParticipants ? distinct(members.map((i) => quotes[i].participantId)).size / allParticipants : 0,
      sourceShare: allSources ? distinct(members.map((i) => quotes[i].sourceId)).size / allSources : 0,
      stageDistribution,
      lang: ru * 2 > members.length ? 'ru' : 'en',
    };
  });
}
