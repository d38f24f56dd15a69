/**
 * Input and output types of journey assembly (`assembleJourney`) and of the
 * version diff (`diffJourneys`). Plain, JSON-serialisable data only: an output
 * can be stored as a published version and diffed later against a new assembly.
 */
import type { Lang, TagKind } from '../types';
import type { TouchpointAnalysis } from '../touchpoints/analyse-touchpoints';

/** Rows of the map. `kpis` is a lane of the grid but holds metrics, not findings (see `StageColumn.kpis`). */
export type JourneyLane = 'jobs' | 'actions' | 'decisions' | 'touchpoints' | 'thoughts' | 'emotions' | 'pains' | 'gains' | 'opportunities' | 'kpis';

/** The lanes that hold findings (every finding carries evidence). */
export type FindingLane = Exclude<JourneyLane, 'kpis'>;

export const FINDING_LANES: readonly FindingLane[] = ['jobs', 'actions', 'decisions', 'touchpoints', 'thoughts', 'emotions', 'pains', 'gains', 'opportunities'];

export interface JourneyStageInput {
  id: string;
  name: string;
  order: number;
}

/** A codebook tag on a quote. `valence` (-2..+2) is known for emotion tags. */
export interface EvidenceTag {
  kind: TagKind;
  id: string;
  name: string;
  valence?: number | null;
  /** A kind's catch-all tag ("Pain", "Action"): its name alone says nothing of what customers meant. */
  generic?: boolean;
}

export type EvidenceSourceKind = 'session' | 'survey';

/** One quote as an evidence fact; its stage and sentiment are already resolved by the caller. */
export interface EvidenceQuote {
  id: string;
  text: string;
  /** Resolved stage: moderator tag > survey question mapping > inferred; null when unknown. */
  stageId: string | null;
  /** True when `stageId` was inferred by the engine, not tagged or mapped. */
  stageInferred: boolean;
  /** -2..+2, null when unknown. */
  sentiment: number | null;
  /** True when `sentiment` comes from the lexicon, false when a person set it. */
  sentimentInferred: boolean;
  tags: readonly EvidenceTag[];
  /** The person: a session participant or a survey respondent (unique across both). */
  participantKey: string;
  /** The session or survey the quote comes from. */
  sourceId: string;
  sourceKind: EvidenceSourceKind;
  personaId: string | null;
}

/** An accepted JTBD. */
export interface JourneyJobInput {
  id: string;
  title: string;
  statement: string;
  quoteIds: readonly string[];
}

/** A theme cluster of a synthesis run. Pain or gain depending on its sentiment (see `THEME_VALENCE_THRESHOLD`). */
export interface JourneyThemeInput {
  id: string;
  label: string;
  /** A person named the theme; otherwise its label is the engine's keywords. */
  named?: boolean;
  quoteIds: readonly string[];
  /** Mean sentiment of the cluster, -2..+2; used when none of its quotes in a stage has a sentiment. */
  meanSentiment: number | null;
}

export type SurveyMetricKind = 'emotion' | 'csat' | 'ces';

/** One survey answer to a question mapped as emotion / CSAT / CES for a stage. */
export interface SurveyMetricPoint {
  stageId: string;
  kind: SurveyMetricKind;
  value: number;
  /** The question's scale, e.g. 1..5. */
  min: number;
  max: number;
  /** True when a higher answer means worse (an effort scale where 1 = very easy). */
  reversed?: boolean;
  respondentKey: string;
  /** The survey. */
  sourceId: string;
  personaId: string | null;
}

/** KPIs of one stage for the period: entered, from survey questions, or from the funnel. */
export interface StageMetricInput {
  stageId: string;
  /** L: leads (customers) at the stage. */
  leads?: number | null;
  /** C: conversion to the next stage, 0..1. Computed from the leads of consecutive stages when absent. */
  conversion?: number | null;
  /** P: average check. */
  averageCheck?: number | null;
  /** Q: purchases per customer per period. */
  purchaseFrequency?: number | null;
  source?: 'manual' | 'survey' | 'events';
}

export interface AssembleJourneyInput {
  stages: readonly JourneyStageInput[];
  quotes: readonly EvidenceQuote[];
  jobs?: readonly JourneyJobInput[];
  themes?: readonly JourneyThemeInput[];
  /** The touchpoint analysis of the same quotes (`analyseTouchpoints`); its mentions give the evidence. */
  touchpoints?: Pick<TouchpointAnalysis, 'mentions' | 'matrix' | 'missing' | 'silent'> | null;
  surveyMetrics?: readonly SurveyMetricPoint[];
  metrics?: readonly StageMetricInput[];
  /** Only quotes and survey answers of this persona. */
  personaId?: string | null;
  /** Adds one emotion series per persona. */
  byPersona?: boolean;
  /** Language of generated texts (opportunities). */
  lang: Lang;
}

export type EvidenceLevel = 'strong' | 'moderate' | 'weak';

export interface EvidenceStrength {
  quotes: number;
  /** Distinct people (participants and respondents). */
  participants: number;
  /** Distinct sessions and surveys. */
  sources: number;
  sessions: number;
  surveys: number;
  level: EvidenceLevel;
}

export type FindingSubjectKind = 'job' | 'tag' | 'theme' | 'touchpoint' | 'missing-touchpoint' | 'quote' | 'pain';

/** What a finding is about; with lane and stage it makes the finding's key. */
export interface FindingSubject {
  kind: FindingSubjectKind;
  id: string;
}

export interface FindingTouchpoint {
  /** Inventory id, or null for a discovered touchpoint. */
  touchpointId: string | null;
  /** Gazetteer key of a discovered touchpoint. */
  key: string | null;
  discovered: boolean;
  /** Customers mention it, the company lacks it. */
  missing: boolean;
  mentions: number;
}

export interface Finding {
  /** Stable id: `<lane>|<stageId or ->|<subject kind>:<subject id>`; the same subject gives the same key in every assembly. */
  key: string;
  lane: FindingLane;
  stageId: string | null;
  text: string;
  /** Quote ids, never empty, in input order. */
  evidence: string[];
  strength: EvidenceStrength;
  subject: FindingSubject;
  /** Mean sentiment of the evidence (-2..+2), null when none is known. */
  sentiment: number | null;
  /** Order within the lane, higher first (pains: evidence × negativity; others: see README). */
  score: number;
  /** Share of the evidence whose stage was inferred, 0..1. */
  inferredStageShare: number;
  touchpoint?: FindingTouchpoint;
}

export type EmotionSourceKind = 'moderator' | 'survey' | 'inferred';

export interface EmotionSourceBreakdown {
  n: number;
  mean: number | null;
}

export interface EmotionPoint {
  stageId: string;
  n: number;
  /** Mean on -2..+2, null when n = 0. */
  mean: number | null;
  /** 95 % confidence interval (Student t), clipped to -2..+2; null when n < 2. */
  low: number | null;
  high: number | null;
  sources: Record<EmotionSourceKind, EmotionSourceBreakdown>;
}

export interface EmotionSeries {
  /** null: everyone in scope. */
  personaId: string | null;
  points: EmotionPoint[];
}

export interface StageKpis {
  leads: number | null;
  conversion: number | null;
  averageCheck: number | null;
  purchaseFrequency: number | null;
  /** Customers lost before the next stage: leads × (1 − conversion). */
  lost: number | null;
  source: StageMetricInput['source'] | null;
}

export interface StageColumn {
  id: string;
  name: string;
  order: number;
  /** Quotes of the stage in scope. */
  quotes: number;
  lanes: Record<FindingLane, Finding[]>;
  kpis: StageKpis | null;
}

export interface SilentTouchpointGap {
  touchpointId: string;
  name: string;
  /** The evidence of absence: how many quotes and people were searched. */
  searchedQuotes: number;
  searchedParticipants: number;
}

export interface JourneyMap {
  lang: Lang;
  personaId: string | null;
  stages: StageColumn[];
  /** Every finding, by stage order, lane order, score. */
  findings: Finding[];
  emotion: {
    overall: EmotionSeries;
    byPersona: EmotionSeries[];
  };
  touchpointGaps: {
    /** Findings of the touchpoints lane whose touchpoint is missing. */
    missing: Finding[];
    /** Inventory touchpoints no quote in scope mentions. Not findings: they have no quotes. */
    silent: SilentTouchpointGap[];
  };
  /** The stage with the lowest conversion to the next (from the KPIs), null when unknown. */
  largestDropStageId: string | null;
  totals: {
    quotes: number;
    participants: number;
    sources: number;
    /** Quotes in scope with no stage: counted, not placed. */
    unstagedQuotes: number;
    /** Survey metric points skipped (value outside its scale, unknown stage). */
    skippedMetricPoints: number;
  };
}
