import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  CreateParticipantRequest,
  MemberResponse,
  ParticipantResponse,
  PersonaResponse,
  SessionResponse,
  UpdateParticipantRequest,
  UpdateSessionRequest,
} from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { forkJoin } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { MembersApi } from '../../members/data-access/members-api';
import { PersonasApi } from '../../personas/data-access/personas-api';
import { SessionsApi } from './sessions-api';

interface SessionState {
  status: LoadStatus;
  projectId: string;
  session: SessionResponse | null;
  participants: ParticipantResponse[];
  members: MemberResponse[];
  personas: PersonaResponse[];
  error: ApiError | null;
}

const NOT_LOADED: ApiError = { statusCode: 0, error: 'Error', message: '' };

/**
 * The open session with its participants, and what its forms choose from: the project's
 * members (moderator) and personas. A session has a few dozen participants at most: one page.
 */
@Injectable()
export class SessionStore {
  private readonly api = inject(SessionsApi);
  private readonly membersApi = inject(MembersApi);
  private readonly personasApi = inject(PersonasApi);
  private readonly state = signal<SessionState>({
    status: 'idle',
    projectId: '',
    session: null,
    participants: [],
    members: [],
    personas: [],
    error: null,
  });
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly session = computed(() => this.state().session);
  readonly participants = computed(() => this.state().participants);
  readonly members = computed(() => this.state().members);
  readonly personas = computed(() => this.state().personas);
  readonly error = computed(() => this.state().error);
  readonly hasTranscript = computed(() => (this.state().session?.utteranceCount ?? 0) > 0);
  readonly moderator = computed(() => {
    const moderatorId = this.state().session?.moderatorId;
    return this.state().members.find((member) => member.userId === moderatorId) ?? null;
  });

  load(projectId: string, sessionId: string): void {
    const same = this.state().session?.id === sessionId;
    this.state.update((state) => ({ ...state, status: 'loading', projectId, error: null, ...(same ? {} : { session: null, participants: [] }) }));
    this.inFlight?.unsubscribe();
    this.inFlight = forkJoin({
      session: this.api.get(projectId, sessionId),
      participants: this.api.participants(projectId, sessionId, { page: 1, pageSize: MAX_PAGE_SIZE }),
      members: this.membersApi.list(projectId, { page: 1, pageSize: MAX_PAGE_SIZE }),
      personas: this.personasApi.list(projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name', order: 'asc' }),
    }).subscribe({
      next: ({ session, participants, members, personas }) =>
        this.state.set({
          status: 'ready',
          projectId,
          session,
          participants: participants.items,
          members: members.items,
          personas: personas.items,
          error: null,
        }),
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', session: null, error: toApiError(error) })),
    });
  }

  /** After a transcript import: the counts changed. */
  async refreshSession(): Promise<void> {
    const { projectId, session } = this.state();
    if (!session) {
      return;
    }
    const result = await toResult(this.api.get(projectId, session.id));
    if (result.ok) {
      this.state.update((state) => ({ ...state, session: result.value }));
    }
  }

  async update(request: UpdateSessionRequest): Promise<Result<SessionResponse>> {
    const { projectId, session } = this.state();
    if (!session) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.update(projectId, session.id, request));
    if (result.ok) {
      this.state.update((state) => ({ ...state, session: result.value }));
    }
    return result;
  }

  async remove(): Promise<Result<void>> {
    const { projectId, session } = this.state();
    if (!session) {
      return { ok: false, error: NOT_LOADED };
    }
    return toResult(this.api.remove(projectId, session.id));
  }

  async createParticipant(request: CreateParticipantRequest): Promise<Result<ParticipantResponse>> {
    const { projectId, session } = this.state();
    if (!session) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.createParticipant(projectId, session.id, request));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        participants: [...state.participants, result.value],
        session: state.session ? { ...state.session, participantCount: state.session.participantCount + 1 } : null,
      }));
    }
    return result;
  }

  async updateParticipant(participantId: string, request: UpdateParticipantRequest): Promise<Result<ParticipantResponse>> {
    const { projectId, session } = this.state();
    if (!session) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.updateParticipant(projectId, session.id, participantId, request));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        participants: state.participants.map((participant) => (participant.id === participantId ? result.value : participant)),
      }));
    }
    return result;
  }

  async removeParticipant(participantId: string): Promise<Result<void>> {
    const { projectId, session } = this.state();
    if (!session) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(this.api.removeParticipant(projectId, session.id, participantId));
    if (result.ok) {
      this.state.update((state) => ({
        ...state,
        participants: state.participants.filter((participant) => participant.id !== participantId),
        session: state.session ? { ...state.session, participantCount: Math.max(0, state.session.participantCount - 1) } : null,
      }));
    }
    return result;
  }
}
