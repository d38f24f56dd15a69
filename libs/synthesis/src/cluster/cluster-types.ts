import type { Lang, SynthesisOptions } from '../types';

/** Quote index → group key (e.g. a moderator's job tag); same key = same cluster. */
export type SeedLabels = ReadonlyMap<number, string> | Readonly<Record<number, string>>;

export interface ClusterQuotesOptions extends SynthesisOptions {
  seedLabels?: SeedLabels;
  /** SVD dimension (default 200). */
  dimensions?: number;
}

export interface QuoteCluster {
  /** 'c1', 'c2', … by decreasing size (ties: earliest first member). */
  id: string;
  memberIds: string[];
  /** Cosine of each member to the cluster centre, aligned with memberIds. */
  scores: number[];
  representativeIds: string[];
  label: string;
  keywords: string[];
  cohesion: number;
  size: number;
  participantShare: number;
  sourceShare: number;
  stageDistribution: Record<string, number>;
  lang: Lang;
}

export interface ClusterOutput {
  clusters: QuoteCluster[];
  /** Ids of quotes left out: outliers in automatic mode, and quotes with no usable words. */
  unclustered: string[];
}
