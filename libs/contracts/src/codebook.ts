import type { PageQuery } from './common';

export type TagKind = 'stage' | 'touchpoint' | 'emotion' | 'pain' | 'gain' | 'job' | 'custom' | 'action' | 'decision';
export const TAG_KINDS: readonly TagKind[] = ['stage', 'touchpoint', 'emotion', 'pain', 'gain', 'job', 'custom', 'action', 'decision'];

export interface TagResponse {
  id: string;
  parentId: string | null;
  kind: TagKind;
  name: string;
  /** #rrggbb */
  color: string;
  description: string;
  /** A single key, e.g. "1" or "p". */
  shortcut: string | null;
  /** For stage tags, the stage they stand for. */
  stageId: string | null;
  /** Sentiment of an emotion tag, -2..+2. */
  valence: number | null;
  usage: number;
}

export interface CreateTagRequest {
  kind: TagKind;
  name: string;
  parentId?: string | null;
  color?: string;
  description?: string;
  shortcut?: string | null;
  valence?: number | null;
}

export type UpdateTagRequest = Partial<Omit<CreateTagRequest, 'kind'>>;

export interface TagListQuery extends PageQuery<'name' | 'kind'> {
  kind?: TagKind;
  q?: string;
}

export type QuoteSourceType = 'survey_answer' | 'transcript';

export interface QuoteTagApplication {
  tagId: string;
  appliedBy: string | null;
}

export interface QuoteResponse {
  id: string;
  sourceType: QuoteSourceType;
  text: string;
  sessionId: string | null;
  utteranceId: string | null;
  surveyId: string | null;
  responseId: string | null;
  questionName: string | null;
  /** Where the quote comes from: the session's title, or the survey's. */
  sourceTitle: string | null;
  /** Who said it: the participant's pseudonym (or the transcript's speaker label); null for survey answers. */
  speaker: string | null;
  start: number;
  end: number;
  participantKey: string | null;
  stageId: string | null;
  sentiment: number | null;
  tags: QuoteTagApplication[];
  createdAt: string;
}

/** A highlight: an exact span of an utterance. */
export interface CreateQuoteRequest {
  utteranceId: string;
  start: number;
  end: number;
  tagIds?: string[];
}

export interface UpdateQuoteRequest {
  sentiment?: number | null;
}

/** What a codebook import did: new tags, tags matched by name and kind, rows skipped. */
export interface CodebookImportReport {
  created: number;
  reused: number;
  skipped: number;
}

export type CodebookFormat = 'qdc' | 'csv';

export interface MergeTagRequest {
  /** The tag that absorbs this one: its quotes follow, this tag is deleted. */
  intoTagId: string;
}

/** Apply or remove one tag on many quotes at once (as the calling coder). */
export interface BulkTagRequest {
  quoteIds: string[];
  tagId: string;
  action: 'apply' | 'remove';
}

export interface QuoteListQuery extends PageQuery<'createdAt'> {
  /** Full-text search; Russian and English word forms match ("доставкой" finds "доставка"). */
  q?: string;
  tagId?: string;
  sessionId?: string;
  surveyId?: string;
  sourceType?: QuoteSourceType;
  appliedBy?: string;
  stageId?: string;
  /** A participant id or a survey respondent key. */
  participantKey?: string;
  sentiment?: number;
  /** Quotes of participants with this persona, and survey answers of responses assigned to it. */
  personaId?: string;
  /** In a blind-coded session, show the other coders' highlights and tags too. */
  compare?: boolean;
}
