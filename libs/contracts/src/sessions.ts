import type { PageQuery } from './common';

export type SessionKind = 'interview' | 'focus_group';
export const SESSION_KINDS: readonly SessionKind[] = ['interview', 'focus_group'];

export interface SessionResponse {
  id: string;
  kind: SessionKind;
  title: string;
  /** YYYY-MM-DD */
  heldOn: string | null;
  moderatorId: string | null;
  notes: string;
  /** Each coder sees only their own highlights and tags until they compare. */
  blindCoding: boolean;
  participantCount: number;
  utteranceCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateSessionRequest {
  kind: SessionKind;
  title: string;
  heldOn?: string | null;
  /** A member of the project. */
  moderatorId?: string | null;
  notes?: string;
  blindCoding?: boolean;
}

export type UpdateSessionRequest = Partial<CreateSessionRequest>;

export type SessionSort = 'title' | 'heldOn' | 'createdAt';
export interface SessionListQuery extends PageQuery<SessionSort> {
  q?: string;
  kind?: SessionKind;
}

export interface ParticipantResponse {
  id: string;
  pseudonym: string;
  personaId: string | null;
  consent: boolean;
  /** Owners and researchers see it; for other roles it is masked ("•••") when set. */
  contact: string | null;
  /** When the participant was erased (their words, quotes and contact are gone). */
  erasedAt?: string | null;
}

export interface CreateParticipantRequest {
  pseudonym: string;
  personaId?: string | null;
  consent?: boolean;
  contact?: string | null;
}

export type UpdateParticipantRequest = Partial<CreateParticipantRequest>;

// --- Transcript import: preview, then commit with the moderator's decisions ----

export type PersonalDataKind = 'email' | 'phone' | 'card' | 'url';

export interface PersonalDataFinding {
  /** Index of the utterance in the preview. */
  utterance: number;
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

export interface TranscriptPreviewResponse {
  format: 'vtt' | 'srt' | 'docx' | 'txt';
  speakers: Array<{ name: string; utteranceCount: number; wordCount: number }>;
  utterances: Array<{ index: number; speaker: string | null; startMs: number | null; endMs: number | null; text: string }>;
  personalData: PersonalDataFinding[];
  warnings: Array<{ line?: number; message: string }>;
}

/** Who each detected speaker is: a participant of the session, the moderator, or neither. */
export interface SpeakerAssignment {
  speaker: string;
  participantId?: string | null;
  moderator?: boolean;
}

/**
 * Sent with the same file again: nothing of the un-redacted text is stored between
 * the preview and the commit.
 */
export interface CommitTranscriptPlan {
  speakers: SpeakerAssignment[];
  /** The findings of the preview the moderator accepted (replaced by [email], [phone], …). */
  redactions: PersonalDataFinding[];
  /** Names replaced everywhere by a pseudonym. */
  names: Array<{ name: string; pseudonym: string }>;
}

export interface UtteranceResponse {
  id: string;
  position: number;
  speaker: string | null;
  participantId: string | null;
  moderator: boolean;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

export interface UtteranceListQuery extends PageQuery<'position'> {
  participantId?: string;
}

// --- Two-coder agreement ----------------------------------------------------

export interface TagAgreement {
  tagId: string;
  tagName: string;
  /** Utterances either coder tagged with it. */
  units: number;
  percentAgreement: number;
  /** Cohen's κ over all utterances of the session; null when undefined (both coders constant). */
  kappa: number | null;
}

export interface Disagreement {
  utteranceId: string;
  position: number;
  speaker: string | null;
  text: string;
  /** Tags only coder A applied to this utterance, and only coder B. */
  onlyA: string[];
  onlyB: string[];
}

export interface AgreementResponse {
  coderA: string;
  coderB: string;
  /** Utterances of the session: the units of analysis. */
  units: number;
  /** Over every (utterance, tag) pair of the tags used. */
  percentAgreement: number;
  /** Mean κ of the tags that have one. */
  kappa: number | null;
  tags: TagAgreement[];
  disagreements: Disagreement[];
}

/** How a pair of coders settles a disagreement on one utterance and tag. */
export interface SettleDisagreementRequest {
  coderA: string;
  coderB: string;
  utteranceId: string;
  tagId: string;
  /** keep: both coders apply the tag there; drop: neither does. */
  decision: 'keep' | 'drop';
}
