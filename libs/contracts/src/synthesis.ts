import type { JobStatus, PageQuery } from './common';
import type { ChannelKind } from './projects';

// --- Runs -------------------------------------------------------------------

export type SynthesisPhase = 'queued' | 'loading' | 'sentiment' | 'stages' | 'clustering' | 'touchpoints' | 'saving' | 'done' | 'failed' | 'cancelled';

/** Which quotes a run synthesises; all of the project's quotes when empty. */
export interface SynthesisFilters {
  personaId?: string;
  sessionId?: string;
  surveyId?: string;
  /** YYYY-MM-DD, inclusive, on the quote's creation date. */
  from?: string;
  to?: string;
}

export interface StartSynthesisRequest extends SynthesisFilters {
  /** Exact number of clusters; omitted = chosen automatically. */
  k?: number;
  /** Seed of the engine's random choices (same seed + evidence = same result). */
  seed?: number;
}

export interface SynthesisCounts {
  quotes: number;
  clusters: number;
  jobs: number;
  themes: number;
  touchpoints: number;
  unclustered: number;
  /** Inventory touchpoints no quote mentions. */
  silent: number;
  /** Touchpoints customers mention that the inventory lacks. */
  missing: number;
}

export interface SynthesisRunResponse {
  id: string;
  status: JobStatus;
  phase: SynthesisPhase;
  /** 0..1 */
  progress: number;
  params: StartSynthesisRequest;
  engineVersion: string | null;
  counts: SynthesisCounts | null;
  /** Against the previous successful run: clusters new / grown / shrunk / same / gone. */
  changes: ClusterChangeCounts | null;
  /** Inventory touchpoints no quote of the run mentions (the company keeps them; customers are silent). */
  silentTouchpoints: Array<{ touchpointId: string; name: string }>;
  error: string | null;
  attempts: number;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type SynthesisRunListQuery = PageQuery<'createdAt'>;

// --- Clusters -----------------------------------------------------------------

export type ClusterKind = 'job' | 'theme' | 'touchpoint';
export const CLUSTER_KINDS: readonly ClusterKind[] = ['job', 'theme', 'touchpoint'];

/** proposed: as the engine made it; merged: absorbed by another cluster of its run. */
export type ClusterStatus = 'proposed' | 'accepted' | 'discarded' | 'merged';

/** How a cluster compares with the previous run (matched by member overlap). */
export type ClusterChange = 'new' | 'grown' | 'shrunk' | 'same';

export interface ClusterChangeCounts {
  new: number;
  grown: number;
  shrunk: number;
  same: number;
  /** Clusters of the previous run no cluster of this run matches. */
  gone: number;
}

export interface JtbdParts {
  situation: string | null;
  motivation: string | null;
  outcome: string | null;
}

export interface ClusterQuote {
  quoteId: string;
  text: string;
  /** Cosine to the cluster's centre (0..1); null for a quote a person moved in. */
  score: number | null;
  representative: boolean;
  sourceType: 'survey_answer' | 'transcript';
  sessionId: string | null;
  utteranceId: string | null;
  surveyId: string | null;
  responseId: string | null;
  participantKey: string | null;
  /** Stage: the moderator's tag when there is one, otherwise inferred. */
  stageId: string | null;
  stageInferred: boolean;
  sentiment: number | null;
}

export interface ClusterResponse {
  id: string;
  runId: string;
  kind: ClusterKind;
  status: ClusterStatus;
  label: string;
  keywords: string[];
  /** The JTBD statement (job clusters); a person's edit wins over the draft. */
  statement: string | null;
  statementParts: JtbdParts | null;
  /** True when a person renamed it or edited its statement. */
  edited: boolean;
  cohesion: number | null;
  size: number;
  participants: number;
  sources: number;
  meanSentiment: number | null;
  /** Stage id → share of members (tagged or inferred). */
  stageDistribution: Record<string, number>;
  /** Touchpoint clusters: the inventory touchpoint, or null for a discovered one. */
  touchpointId: string | null;
  channel: ChannelKind | null;
  /** Accepted job clusters: the project's job they stand for. */
  jobId: string | null;
  change: ClusterChange | null;
  /** The matched cluster of the previous run. */
  previousClusterId: string | null;
  /** Up to five, best first. */
  representatives: ClusterQuote[];
}

export interface ClusterListQuery extends PageQuery<'size' | 'label' | 'cohesion'> {
  kind?: ClusterKind;
  status?: ClusterStatus;
}

export interface UpdateClusterRequest {
  label?: string;
  statement?: string | null;
}

export interface MergeClustersRequest {
  /** Clusters of the same run and kind; they join this one and are marked merged. */
  clusterIds: string[];
}

export interface SplitClusterRequest {
  /** Members that leave for a new cluster. */
  quoteIds: string[];
  label?: string;
}

export interface MoveQuotesRequest {
  quoteIds: string[];
  /** A cluster of the same run, not discarded or merged. */
  toClusterId: string;
}

export type ClusterQuotesQuery = PageQuery<'score'>;

/** What changed between two runs, cluster by cluster. */
export interface RunComparisonResponse {
  from: string;
  to: string;
  added: Array<{ clusterId: string; label: string; kind: ClusterKind; size: number }>;
  removed: Array<{ clusterId: string; label: string; kind: ClusterKind; size: number }>;
  /** overlap: Jaccard share of the two clusters' quotes, 0..1. */
  changed: Array<{ fromClusterId: string; toClusterId: string; label: string; kind: ClusterKind; sizeBefore: number; sizeAfter: number; overlap: number }>;
}

// --- Jobs to be done (accepted job clusters) ------------------------------------

export interface ProjectJobResponse {
  id: string;
  title: string;
  statement: string;
  /** The cluster of the latest run that stands for it (null when the latest run lost it). */
  clusterId: string | null;
  quotes: number;
  participants: number;
  sources: number;
  personaIds: string[];
  /** Stage id → share of its quotes. */
  stageDistribution: Record<string, number>;
  createdAt: string;
  updatedAt: string;
}

export interface UpdateProjectJobRequest {
  title?: string;
  statement?: string;
}

export type ProjectJobListQuery = PageQuery<'title' | 'quotes' | 'createdAt'>;
