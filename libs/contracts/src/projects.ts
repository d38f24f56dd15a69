import type { PageQuery } from './common';
import type { Locale } from './auth';

export type ProjectRole = 'owner' | 'researcher' | 'moderator' | 'strategist';
export const PROJECT_ROLES: readonly ProjectRole[] = ['owner', 'researcher', 'moderator', 'strategist'];

export type StageTemplate = 'seven' | 'four' | 'six';
export const STAGE_TEMPLATES: readonly StageTemplate[] = ['seven', 'four', 'six'];

export type ProjectLanguage = Locale;

export interface ProjectResponse {
  id: string;
  name: string;
  description: string;
  language: ProjectLanguage;
  stageTemplate: StageTemplate;
  /** Survey responses older than this many days are erased each night; null keeps them. */
  retentionDays: number | null;
  /** The caller's role in this project. */
  myRole: ProjectRole;
  createdAt: string;
  updatedAt: string;
}

export interface CreateProjectRequest {
  name: string;
  description?: string;
  language: ProjectLanguage;
  stageTemplate: StageTemplate;
}

export interface UpdateProjectRequest {
  name?: string;
  description?: string;
  language?: ProjectLanguage;
  /** 1..3650 days, or null to keep responses until someone deletes them. */
  retentionDays?: number | null;
}

/** The bounds of a project's retention period, in days. */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;

// --- Privacy ----------------------------------------------------------------

/** What an erasure removed; all zero when a second erasure found nothing left. */
export interface ErasureResponse {
  utterances: number;
  quotes: number;
  answers: number;
  /** The participant's name after erasure (participants only). */
  pseudonym?: string;
}

export type ProjectSort = 'name' | 'createdAt' | 'updatedAt';
export interface ProjectListQuery extends PageQuery<ProjectSort> {
  q?: string;
  language?: ProjectLanguage;
}

// --- Stages -----------------------------------------------------------------

export interface StageResponse {
  id: string;
  name: string;
  description: string;
  /** 0-based order within the project. */
  position: number;
}

export interface CreateStageRequest {
  name: string;
  description?: string;
  /** Insert at this position (0-based); appended when omitted. */
  position?: number;
}

export interface UpdateStageRequest {
  name?: string;
  description?: string;
}

export interface ReorderStagesRequest {
  /** Every stage id of the project, in the new order. */
  stageIds: string[];
}

export type StageSort = 'position' | 'name';
export interface StageListQuery extends PageQuery<StageSort> {
  q?: string;
}

// --- Personas ---------------------------------------------------------------

export interface PersonaResponse {
  id: string;
  name: string;
  description: string;
  goals: string[];
  attributes: Record<string, string>;
  createdAt: string;
}

export interface CreatePersonaRequest {
  name: string;
  description?: string;
  goals?: string[];
  attributes?: Record<string, string>;
}

export type UpdatePersonaRequest = Partial<CreatePersonaRequest>;

export type PersonaSort = 'name' | 'createdAt';
export interface PersonaListQuery extends PageQuery<PersonaSort> {
  q?: string;
}

// --- Touchpoints ------------------------------------------------------------

export type ChannelKind =
  | 'site'
  | 'app'
  | 'social'
  | 'store'
  | 'call_centre'
  | 'email'
  | 'messenger'
  | 'chat_bot'
  | 'ads'
  | 'search'
  | 'word_of_mouth'
  | 'other';
export const CHANNEL_KINDS: readonly ChannelKind[] = [
  'site',
  'app',
  'social',
  'store',
  'call_centre',
  'email',
  'messenger',
  'chat_bot',
  'ads',
  'search',
  'word_of_mouth',
  'other',
];

export type TouchpointOrigin = 'inventory' | 'discovered';

export interface TouchpointResponse {
  id: string;
  name: string;
  channel: ChannelKind;
  online: boolean;
  ownerDepartment: string;
  stageIds: string[];
  aliases: string[];
  origin: TouchpointOrigin;
  createdAt: string;
}

export interface CreateTouchpointRequest {
  name: string;
  channel: ChannelKind;
  online: boolean;
  ownerDepartment?: string;
  stageIds?: string[];
  aliases?: string[];
}

export type UpdateTouchpointRequest = Partial<CreateTouchpointRequest>;

export type TouchpointSort = 'name' | 'channel' | 'createdAt';
export interface TouchpointListQuery extends PageQuery<TouchpointSort> {
  q?: string;
  channel?: ChannelKind;
  online?: boolean;
  stageId?: string;
}

// --- Members and invitations ------------------------------------------------

export interface MemberResponse {
  userId: string;
  email: string;
  displayName: string;
  role: ProjectRole;
  joinedAt: string;
}

/**
 * Add a person to a project. An existing user joins at once; for an unknown email
 * the owner either sets an initial password (the account is created) or an
 * invitation is issued whose link the owner passes on.
 */
export interface AddMemberRequest {
  email: string;
  role: ProjectRole;
  displayName?: string;
  password?: string;
}

export interface AddMemberResponse {
  member: MemberResponse | null;
  invitation: InvitationResponse | null;
}

export interface UpdateMemberRequest {
  role: ProjectRole;
}

export interface InvitationResponse {
  id: string;
  email: string;
  role: ProjectRole;
  /** Present only in the response that created it: the secret part of the link. */
  token?: string;
  expiresAt: string;
  createdAt: string;
}

/** What an invitee sees before registering: public, by token. */
export interface InvitationPreviewResponse {
  email: string;
  role: ProjectRole;
  projectName: string;
  expiresAt: string;
}

export type MemberSort = 'email' | 'displayName' | 'role' | 'joinedAt';
export interface MemberListQuery extends PageQuery<MemberSort> {
  q?: string;
  role?: ProjectRole;
}

// --- Audit ------------------------------------------------------------------

export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.register'
  | 'project.create'
  | 'project.update'
  | 'project.delete'
  | 'member.add'
  | 'member.role_change'
  | 'member.remove'
  | 'invitation.create'
  | 'invitation.accept'
  | 'invitation.revoke'
  | 'privacy.erase_participant'
  | 'privacy.erase_respondent'
  | 'privacy.retention';

export interface AuditEntryResponse {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorEmail: string | null;
  projectId: string | null;
  target: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export type AuditSort = 'createdAt';
export interface AuditListQuery extends PageQuery<AuditSort> {
  action?: AuditAction;
}
