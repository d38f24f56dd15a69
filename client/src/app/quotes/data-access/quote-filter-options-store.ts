import { Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, MemberResponse, PersonaResponse, SessionResponse, StageResponse } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { forkJoin } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError } from '../../core/http/api-error';
import { MembersApi } from '../../members/data-access/members-api';
import { PersonasApi } from '../../personas/data-access/personas-api';
import { SessionsApi } from '../../sessions/data-access/sessions-api';
import { StagesApi } from '../../stages/data-access/stages-api';

interface FilterOptionsState {
  status: LoadStatus;
  stages: StageResponse[];
  sessions: SessionResponse[];
  members: MemberResponse[];
  personas: PersonaResponse[];
  error: ApiError | null;
}

const INITIAL: FilterOptionsState = { status: 'idle', stages: [], sessions: [], members: [], personas: [], error: null };

/**
 * What the quote filters choose from: the project's stages, sessions, members (coders) and
 * personas. A project has tens of each: one page of {@link MAX_PAGE_SIZE} apiece.
 */
@Injectable()
export class QuoteFilterOptionsStore {
  private readonly stagesApi = inject(StagesApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly membersApi = inject(MembersApi);
  private readonly personasApi = inject(PersonasApi);
  private readonly state = signal<FilterOptionsState>(INITIAL);
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly error = computed(() => this.state().error);
  readonly stages = computed(() => this.state().stages);
  readonly sessions = computed(() => this.state().sessions);
  readonly members = computed(() => this.state().members);
  readonly personas = computed(() => this.state().personas);
  readonly memberNames = computed(() => new Map(this.state().members.map((member) => [member.userId, member.displayName || member.email])));

  load(projectId: string): void {
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    this.inFlight?.unsubscribe();
    const page = { page: 1, pageSize: MAX_PAGE_SIZE };
    this.inFlight = forkJoin({
      stages: this.stagesApi.list(projectId, { ...page, sort: 'position', order: 'asc' }),
      sessions: this.sessionsApi.list(projectId, { ...page, sort: 'title', order: 'asc' }),
      members: this.membersApi.list(projectId, page),
      personas: this.personasApi.list(projectId, { ...page, sort: 'name', order: 'asc' }),
    }).subscribe({
      next: ({ stages, sessions, members, personas }) =>
        this.state.set({ status: 'ready', stages: stages.items, sessions: sessions.items, members: members.items, personas: personas.items, error: null }),
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }
}
