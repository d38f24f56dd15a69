/**
 * Input and shared output types of the synthesis engine.
 * Plain data only: the engine takes these, returns plain data, and never touches I/O.
 */
export type Lang = 'ru' | 'en';

export type TagKind = 'stage' | 'touchpoint' | 'emotion' | 'pain' | 'gain' | 'job' | 'custom' | 'action' | 'decision';

/** A codebook tag applied to a quote by a person. */
export interface QuoteTag {
  kind: TagKind;
  /** Stable id of the tag (for kind 'stage': the stage id; 'touchpoint': the inventory touchpoint id). */
  id: string;
  name: string;
  /** For emotion tags: the valence on the -2..+2 scale when the codebook knows it. */
  score?: number;
}

export interface QuoteInput {
  id: string;
  text: string;
  lang?: Lang;
  tags?: QuoteTag[];
  /** A person: interview participant or survey respondent. */
  participantId?: string;
  /** Where the quote came from: a session or a survey. */
  sourceId?: string;
  /** A moderator's explicit sentiment, -2..+2; wins over anything inferred. */
  sentiment?: number;
}

export interface StageInput {
  id: string;
  name: string;
  order: number;
  description?: string;
}

export interface TouchpointInput {
  id: string;
  name: string;
  aliases?: string[];
  channel?: string;
}

export interface SynthesisOptions {
  /** Seed of every random choice; same seed and input give the same output. */
  seed?: number;
  /** Exact number of clusters; omitted means chosen automatically. */
  k?: number;
}
