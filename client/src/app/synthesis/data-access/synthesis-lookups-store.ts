import { Injectable, computed, inject, signal } from '@angular/core';
import type { PersonaResponse, SessionResponse, StageResponse, SurveyListItem } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { PersonasApi } from '../../personas/data-access/personas-api';
import { SessionsApi } from '../../sessions/data-access/sessions-api';
import { StagesApi } from '../../stages/data-access/stages-api';
import { SurveysApi } from '../../surveys/data-access/surveys-api';

interface Lookups {
  stages: StageResponse[];
  personas: PersonaResponse[];
  sessions: SessionResponse[];
  surveys: SurveyListItem[];
}

/**
 * Names the synthesis screens show next to ids: stages (for the stage bars), personas,
 * and, for the run filters only, sessions and surveys. One large page each; a failed
 * lookup leaves its list empty (the screens then show no names, nothing breaks).
 */
@Injectable()
export class SynthesisLookupsStore {
  private readonly stagesApi = inject(StagesApi);
  private readonly personasApi = inject(PersonasApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly surveysApi = inject(SurveysApi);
  private readonly state = signal<Lookups>({ stages: [], personas: [], sessions: [], surveys: [] });
  private projectId = '';
  private sourcesLoaded = false;

  readonly stages = computed(() => this.state().stages);
  readonly personas = computed(() => this.state().personas);
  readonly sessions = computed(() => this.state().sessions);
  readonly surveys = computed(() => this.state().surveys);
  readonly personaNames = computed(() => new Map(this.state().personas.map((persona) => [persona.id, persona.name])));

  /** Stages, and personas when `withPersonas`. */
  open(projectId: string, withPersonas = false): void {
    this.projectId = projectId;
    this.sourcesLoaded = false;
    this.state.set({ stages: [], personas: [], sessions: [], surveys: [] });
    this.stagesApi
      .list(projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'position', order: 'asc' })
      .subscribe({ next: (page) => this.state.update((state) => ({ ...state, stages: page.items })), error: () => undefined });
    if (withPersonas) this.loadPersonas();
  }

  /** What the run filters offer: personas, sessions and surveys (loaded once, when the options open). */
  loadSources(): void {
    if (this.sourcesLoaded || !this.projectId) return;
    this.sourcesLoaded = true;
    if (this.state().personas.length === 0) this.loadPersonas();
    this.sessionsApi
      .list(this.projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'title', order: 'asc' })
      .subscribe({ next: (page) => this.state.update((state) => ({ ...state, sessions: page.items })), error: () => undefined });
    this.surveysApi
      .list(this.projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'title', order: 'asc' })
      .subscribe({ next: (page) => this.state.update((state) => ({ ...state, surveys: page.items })), error: () => undefined });
  }

  private loadPersonas(): void {
    this.personasApi
      .list(this.projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name', order: 'asc' })
      .subscribe({ next: (page) => this.state.update((state) => ({ ...state, personas: page.items })), error: () => undefined });
  }
}
