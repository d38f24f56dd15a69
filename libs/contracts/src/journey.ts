import type { PageQuery } from './common';

// --- The map ------------------------------------------------------------------

export type JourneyLane = 'jobs' | 'actions' | 'decisions' | 'touchpoints' | 'thoughts' | 'emotions' | 'pains' | 'gains' | 'opportunities' | 'kpis';
export const JOURNEY_LANES: readonly JourneyLane[] = ['jobs', 'actions', 'decisions', 'touchpoints', 'thoughts', 'emotions', 'pains', 'gains', 'opportunities', 'kpis'];

export type StrengthLevel = 'strong' | 'moderate' | 'weak';

/** How much evidence stands behind a finding. */
export interface EvidenceStrength {
  quotes: number;
  /** Distinct people: interview participants and survey respondents. */
  participants: number;
  /** Distinct sources: sessions and surveys. */
  sources: number;
  sessions: number;
  surveys: number;
  /** weak when it rests on one person or one source. */
  level: StrengthLevel;
}

/** proposed: as assembled; edited: a person changed its text (the evidence stays). */
export type FindingStatus = 'proposed' | 'accepted' | 'rejected' | 'edited';

export interface FindingResponse {
  id: string;
  /** Stable across re-assemblies: lane + stage + what the finding is about. */
  key: string;
  stageId: string;
  lane: JourneyLane;
  /** The text shown: a person's edit, or the assembled text. */
  text: string;
  assembledText: string;
  quoteIds: string[];
  strength: EvidenceStrength;
  /** Ranking within the lane (e.g. pains by evidence × negativity); higher first. */
  score: number;
  status: FindingStatus;
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** Not in the last published version. */
  isNew: boolean;
  comments: number;
}

/** A strategist's own note on a cell: kept apart from findings and labelled as such. */
export interface MapNoteResponse {
  id: string;
  stageId: string;
  lane: JourneyLane;
  text: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface EmotionSourceCounts {
  /** Moderators' sentiment and emotion tags. */
  tags: number;
  /** Survey answers mapped as emotion / CSAT / CES for the stage, rescaled to -2..+2. */
  survey: number;
  /** Sentiment the synthesis inferred. */
  inferred: number;
}

export interface EmotionPoint {
  stageId: string;
  /** null for a persona series with no evidence at the stage. */
  personaId: string | null;
  n: number;
  /** -2..+2; null when n = 0. */
  mean: number | null;
  /** 95 % interval; null when n < 2. */
  low: number | null;
  high: number | null;
  sources: EmotionSourceCounts;
}

export interface FunnelStage {
  stageId: string;
  /** Leads: customers who reached the stage. */
  leads: number | null;
  /** Share of this stage's customers who reached the next stage (null for the last). */
  conversion: number | null;
  /** Average check of purchases at the stage. */
  averageCheck: number | null;
  /** Purchases per customer per period. */
  purchasesPerCustomer: number | null;
  source: 'events' | 'manual' | 'survey' | null;
}

export interface FunnelResponse {
  stages: FunnelStage[];
  /** The stage with the largest drop to the next one. */
  largestDropStageId: string | null;
  /** Revenue = L × C × P × Q, see the README for exactly which L and C. */
  revenue: number | null;
  periodDays: number;
  handoffs: Array<{ from: string; to: string; customers: number; lost: number }>;
}

export interface TouchpointCell {
  touchpointId: string | null;
  name: string;
  stageId: string | null;
  mentions: number;
  meanSentiment: number | null;
}

export interface JourneyMapResponse {
  id: string;
  projectId: string;
  personaId: string | null;
  assembledAt: string | null;
  stages: Array<{ id: string; name: string; order: number }>;
  findings: FindingResponse[];
  notes: MapNoteResponse[];
  emotions: EmotionPoint[];
  funnel: FunnelResponse;
  touchpoints: {
    cells: TouchpointCell[];
    missing: Array<{ name: string; mentions: number; quoteIds: string[] }>;
    silent: Array<{ touchpointId: string; name: string }>;
  };
  /** The last published version, if any. */
  latestVersion: { id: string; number: number; publishedAt: string } | null;
}

export interface MapQuery {
  personaId?: string;
  /** With a persona filter, one emotion series per persona. */
  comparePersonas?: boolean;
}

/** A quote behind a finding, with where it comes from. */
export interface EvidenceQuoteResponse {
  quoteId: string;
  text: string;
  sourceType: 'survey_answer' | 'transcript';
  sessionId: string | null;
  utteranceId: string | null;
  surveyId: string | null;
  responseId: string | null;
  /** Session or survey title. */
  sourceTitle: string | null;
  /** Participant pseudonym (transcripts). */
  speaker: string | null;
  participantKey: string | null;
  stageId: string | null;
  sentiment: number | null;
}

export type EvidenceQuery = PageQuery<'createdAt'>;

// --- Review -------------------------------------------------------------------

export interface ReviewFindingRequest {
  decision: 'accept' | 'reject' | 'edit' | 'reopen';
  /** Required to reject. */
  reason?: string;
  /** Required to edit. */
  text?: string;
}

export interface CreateMapNoteRequest {
  stageId: string;
  lane: JourneyLane;
  text: string;
}

export interface CommentResponse {
  id: string;
  findingId: string;
  text: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface CreateCommentRequest {
  text: string;
}

// --- Recommendations ------------------------------------------------------------

export type Kpi = 'L' | 'C' | 'P' | 'Q';
export const KPIS: readonly Kpi[] = ['L', 'C', 'P', 'Q'];
export type RecommendationStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'dropped';
export const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = ['proposed', 'planned', 'in_progress', 'done', 'dropped'];

export interface RecommendationResponse {
  id: string;
  text: string;
  findingIds: string[];
  stageId: string | null;
  kpi: Kpi | null;
  expectedEffect: string;
  /** 1..5 */
  impact: number;
  /** 1..5 */
  effort: number;
  /** impact × evidence strength of its findings ÷ effort, see the README. */
  priority: number;
  ownerDepartment: string;
  status: RecommendationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface CreateRecommendationRequest {
  text: string;
  findingIds?: string[];
  stageId?: string | null;
  kpi?: Kpi | null;
  expectedEffect?: string;
  impact?: number;
  effort?: number;
  /** Defaults to the owning department of a touchpoint among its findings. */
  ownerDepartment?: string;
  status?: RecommendationStatus;
}

export type UpdateRecommendationRequest = Partial<CreateRecommendationRequest>;

// --- KPIs -------------------------------------------------------------------------

export interface StageMetricResponse {
  id: string;
  stageId: string;
  /** YYYY-MM-DD: the first day of the period. */
  periodStart: string;
  kpi: Kpi;
  value: number;
  source: 'manual' | 'survey' | 'events';
}

export interface PutStageMetricRequest {
  stageId: string;
  periodStart: string;
  kpi: Kpi;
  value: number;
}

export interface WhatIfRequest {
  personaId?: string;
  stageId: string;
  /** New conversion at the stage, 0..1. */
  conversion: number;
}

export interface WhatIfResponse {
  revenue: number | null;
  newRevenue: number | null;
  delta: number | null;
}

export interface EventsImportResponse {
  rows: number;
  imported: number;
  problems: Array<{ line: number; field: string; message: string }>;
}

// --- Versions ---------------------------------------------------------------------

export interface MapVersionResponse {
  id: string;
  number: number;
  personaId: string | null;
  publishedAt: string;
  publishedBy: string | null;
  /** Findings still proposed when it was published. */
  unreviewed: number;
  findings: number;
}

export type MapVersionListQuery = PageQuery<'number'>;

export interface MapDiffResponse {
  from: { kind: 'version'; id: string; number: number };
  to: { kind: 'version'; id: string; number: number } | { kind: 'working' };
  added: Array<{ key: string; lane: JourneyLane; stageId: string; text: string }>;
  removed: Array<{ key: string; lane: JourneyLane; stageId: string; text: string }>;
  changed: Array<{ key: string; lane: JourneyLane; stageId: string; before: string; after: string }>;
  emotion: Array<{ stageId: string; before: number | null; after: number | null }>;
  kpis: Array<{ stageId: string; kpi: Kpi | 'conversion'; before: number | null; after: number | null }>;
}
