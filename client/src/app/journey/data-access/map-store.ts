import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  FindingResponse,
  JourneyLane,
  JourneyMapResponse,
  MapNoteResponse,
  MapQuery,
  PersonaResponse,
  ReviewFindingRequest,
} from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import type { Observable, Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { PersonasApi } from '../../personas/data-access/personas-api';
import { COLLAPSED_LANES_KEY, buildGrid, parseCollapsedLanes, toggleLane } from '../model/journey-grid';
import { JourneyApi } from './journey-api';
import type { MapExportFormat } from './journey-api';

/** What the evidence drawer shows: one finding, or one cell (its notes). */
export type MapSelection = { kind: 'finding'; findingId: string } | { kind: 'cell'; stageId: string; lane: JourneyLane };

interface MapState {
  status: LoadStatus;
  map: JourneyMapResponse | null;
  error: ApiError | null;
}

const NOT_OPEN: ApiError = { statusCode: 0, error: 'Error', message: '' };

/**
 * The journey map screen: the working map for a persona filter (or a published version,
 * read-only), the personas to filter by, which lanes are collapsed, and what the drawer shows.
 */
@Injectable()
export class MapStore {
  private readonly api = inject(JourneyApi);
  private readonly personasApi = inject(PersonasApi);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  private readonly state = signal<MapState>({ status: 'idle', map: null, error: null });
  private readonly filter = signal<{ projectId: string; personaId: string | null; comparePersonas: boolean; versionId: string | null }>({
    projectId: '',
    personaId: null,
    comparePersonas: false,
    versionId: null,
  });
  private readonly personaList = signal<PersonaResponse[]>([]);
  private readonly collapsed = signal<JourneyLane[]>(parseCollapsedLanes(this.readStorage()));
  private readonly rejectedHidden = signal(false);
  private readonly selected = signal<MapSelection | null>(null);
  private inFlight: Subscription | null = null;
  private personasRequest: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly map = computed(() => this.state().map);
  readonly error = computed(() => this.state().error);
  readonly personaId = computed(() => this.filter().personaId);
  readonly comparePersonas = computed(() => this.filter().comparePersonas);
  readonly versionId = computed(() => this.filter().versionId);
  /** A published version is shown as it was: nothing on it can change. */
  readonly readOnly = computed(() => this.filter().versionId !== null);
  readonly personas = this.personaList.asReadonly();
  readonly collapsedLanes = this.collapsed.asReadonly();
  readonly hideRejected = this.rejectedHidden.asReadonly();
  readonly selection = this.selected.asReadonly();
  readonly query = computed<MapQuery>(() => {
    const { personaId, comparePersonas } = this.filter();
    return { ...(personaId ? { personaId } : {}), ...(comparePersonas ? { comparePersonas: true } : {}) };
  });
  readonly grid = computed(() => {
    const map = this.state().map;
    return map ? buildGrid(map, { hideRejected: this.rejectedHidden() }) : null;
  });
  readonly stageNames = computed(() => new Map((this.state().map?.stages ?? []).map((stage) => [stage.id, stage.name])));
  readonly personaNames = computed(() => new Map(this.personaList().map((persona) => [persona.id, persona.name])));
  readonly selectedFinding = computed(() => {
    const selection = this.selected();
    if (selection?.kind !== 'finding') return null;
    return this.state().map?.findings.find((finding) => finding.id === selection.findingId) ?? null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.inFlight?.unsubscribe();
      this.personasRequest?.unsubscribe();
    });
  }

  /** Opens the working map of a project, or one of its published versions. */
  open(projectId: string, versionId: string | null): void {
    const previous = this.filter();
    this.filter.set({
      projectId,
      versionId,
      personaId: previous.projectId === projectId ? previous.personaId : null,
      comparePersonas: previous.projectId === projectId ? previous.comparePersonas : false,
    });
    this.selected.set(null);
    if (previous.projectId !== projectId) this.loadPersonas(projectId);
    this.reload();
  }

  reload(): void {
    const { projectId, versionId } = this.filter();
    if (!projectId) return;
    this.state.update((state) => ({ ...state, status: 'loading', error: null }));
    this.fetch(versionId ? this.api.version(projectId, versionId) : this.api.map(projectId, this.query()));
  }

  setPersona(personaId: string | null): void {
    this.filter.update((filter) => ({ ...filter, personaId }));
    this.selected.set(null);
    this.reload();
  }

  setComparePersonas(comparePersonas: boolean): void {
    this.filter.update((filter) => ({ ...filter, comparePersonas }));
    this.reload();
  }

  setHideRejected(hidden: boolean): void {
    this.rejectedHidden.set(hidden);
  }

  isCollapsed(lane: JourneyLane): boolean {
    return this.collapsed().includes(lane);
  }

  toggleLane(lane: JourneyLane): void {
    const next = toggleLane(this.collapsed(), lane);
    this.collapsed.set(next);
    try {
      this.storage?.setItem(COLLAPSED_LANES_KEY, JSON.stringify(next));
    } catch {
      // Storage may be unavailable: the choice still holds for this visit.
    }
  }

  select(selection: MapSelection | null): void {
    this.selected.set(selection);
  }

  /** Re-assembles the working map from the evidence as it is now. */
  async assemble(): Promise<Result<JourneyMapResponse>> {
    const { projectId } = this.filter();
    if (!projectId || this.readOnly()) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.assemble(projectId, this.query()));
    if (result.ok) this.state.set({ status: 'ready', map: result.value, error: null });
    return result;
  }

  async review(findingId: string, request: ReviewFindingRequest): Promise<Result<FindingResponse>> {
    const { projectId } = this.filter();
    if (!projectId || this.readOnly()) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.review(projectId, findingId, request));
    if (result.ok) this.replaceFinding(result.value);
    return result;
  }

  async addNote(stageId: string, lane: JourneyLane, text: string): Promise<Result<MapNoteResponse>> {
    const { projectId } = this.filter();
    if (!projectId || this.readOnly()) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.addNote(projectId, this.query(), { stageId, lane, text: text.trim() }));
    if (result.ok) this.updateMap((map) => ({ ...map, notes: [...map.notes, result.value] }));
    return result;
  }

  async removeNote(noteId: string): Promise<Result<void>> {
    const { projectId } = this.filter();
    if (!projectId || this.readOnly()) return { ok: false, error: NOT_OPEN };
    const result = await toResult(this.api.removeNote(projectId, noteId));
    if (result.ok) this.updateMap((map) => ({ ...map, notes: map.notes.filter((note) => note.id !== noteId) }));
    return result;
  }

  /** A comment was added in the drawer: the card's count follows. */
  countComment(findingId: string): void {
    this.updateMap((map) => ({
      ...map,
      findings: map.findings.map((finding) => (finding.id === findingId ? { ...finding, comments: finding.comments + 1 } : finding)),
    }));
  }

  exportUrl(format: MapExportFormat): string {
    const { projectId, versionId, personaId } = this.filter();
    // A version carries its own persona filter.
    return this.api.exportUrl(projectId, format, versionId ? { versionId } : personaId ? { personaId } : {});
  }

  private fetch(request: Observable<JourneyMapResponse>): void {
    this.inFlight?.unsubscribe();
    this.inFlight = request.subscribe({
      next: (map) => this.state.set({ status: 'ready', map, error: null }),
      error: (error: unknown) => this.state.update((state) => ({ ...state, status: 'error', error: toApiError(error) })),
    });
  }

  /** A project has a handful of personas: one large page is all of them. */
  private loadPersonas(projectId: string): void {
    this.personaList.set([]);
    this.personasRequest?.unsubscribe();
    this.personasRequest = this.personasApi
      .list(projectId, { page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name', order: 'asc' })
      .subscribe({ next: (page) => this.personaList.set(page.items), error: () => this.personaList.set([]) });
  }

  private replaceFinding(updated: FindingResponse): void {
    this.updateMap((map) => ({ ...map, findings: map.findings.map((finding) => (finding.id === updated.id ? updated : finding)) }));
  }

  private updateMap(update: (map: JourneyMapResponse) => JourneyMapResponse): void {
    this.state.update((state) => (state.map ? { ...state, map: update(state.map) } : state));
  }

  private readStorage(): string | null {
    try {
      return this.storage?.getItem(COLLAPSED_LANES_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
