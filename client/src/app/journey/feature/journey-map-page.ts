import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import type { ApiError, JourneyLane } from '@tropa/contracts';
import { AuthStore } from '../../auth/data-access/auth-store';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import type { MapExportFormat } from '../data-access/journey-api';
import { MapImage } from '../data-access/map-image';
import { MapStore } from '../data-access/map-store';
import { emotionSeries, emotionTable } from '../model/emotion-series';
import { buildHeatmap } from '../model/touchpoint-heatmap';
import { EmotionChart } from '../ui/emotion-chart';
import { MapGrid } from '../ui/map-grid';
import { TouchpointGaps } from '../ui/touchpoint-gaps';
import { EvidenceDrawer } from './evidence-drawer';

/** Roles that review findings, comment and write notes; moderators read only. */

interface ExportLink {
  format: MapExportFormat;
  testId: string;
  label: 'journey.export.csv' | 'journey.export.md' | 'journey.export.json' | 'journey.export.pdf';
}

const EXPORTS: readonly ExportLink[] = [
  { format: 'csv', testId: 'export-csv', label: 'journey.export.csv' },
  { format: 'md', testId: 'export-md', label: 'journey.export.md' },
  { format: 'json', testId: 'export-json', label: 'journey.export.json' },
  { format: 'pdf', testId: 'export-pdf', label: 'journey.export.pdf' },
];

/**
 * The evidence-backed journey map: stages × lanes with every finding's strength and review
 * status, the emotion curve, touchpoint gaps, a persona filter, an evidence drawer,
 * presentation mode and exports. `?version=<id>` shows a published version read-only.
 */
@Component({
  selector: 'tropa-journey-map-page',
  imports: [
    MatButtonModule,
    MatSlideToggleModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    ErrorBanner,
    LoadingIndicator,
    EmotionChart,
    MapGrid,
    TouchpointGaps,
    EvidenceDrawer,
  ],
  providers: [MapStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'leaveOnEscape()' },
  template: `
    <div class="page" [class.presenting]="presenting()" data-testid="journey-page">
      @if (presenting()) {
        <div class="present-bar">
          <h2>{{ 'journey.title' | t }}</h2>
          <span class="tropa-muted">{{ personaLabel() }}</span>
          <button mat-stroked-button type="button" (click)="presenting.set(false)" data-testid="journey-present-leave">{{ 'journey.presentLeave' | t }}</button>
        </div>
      } @else {
        <div class="toolbar" data-testid="journey-toolbar">
          <label class="persona">
            <span class="tropa-muted">{{ 'journey.persona' | t }}</span>
            <select [disabled]="store.readOnly()" (change)="choosePersona($event)" data-testid="journey-persona">
              <option value="" [selected]="store.personaId() === null">{{ 'journey.persona.all' | t }}</option>
              @for (persona of store.personas(); track persona.id) {
                <option [value]="persona.id" [selected]="store.personaId() === persona.id">{{ persona.name }}</option>
              }
            </select>
          </label>
          <mat-slide-toggle
            [checked]="store.comparePersonas()"
            [disabled]="store.readOnly() || store.personas().length === 0"
            (change)="store.setComparePersonas($event.checked)"
            data-testid="journey-compare"
          >
            {{ 'journey.comparePersonas' | t }}
          </mat-slide-toggle>
          <mat-slide-toggle [checked]="store.hideRejected()" (change)="store.setHideRejected($event.checked)" data-testid="journey-hide-rejected">
            {{ 'journey.hideRejected' | t }}
          </mat-slide-toggle>
          <span class="spacer"></span>
          @if (store.map(); as map) {
            <span class="tropa-muted" data-testid="journey-assembled-at">
              @if (map.assembledAt) {
                {{ 'journey.assembledAt' | t: { date: (map.assembledAt | localDate: true) } }}
              } @else {
                {{ 'journey.notAssembled' | t }}
              }
            </span>
          }
          @if (store.map()?.latestVersion; as latest) {
            <a routerLink="versions" class="tropa-muted" data-testid="journey-latest-version">{{ 'journey.latestVersion' | t: { number: latest.number } }}</a>
          }
          @if (canReview()) {
            <button mat-flat-button type="button" [disabled]="assembling.saving()" (click)="assemble()" data-testid="journey-assemble">
              {{ 'journey.assemble' | t }}
            </button>
          }
        </div>
        <div class="toolbar">
          <nav class="links">
            <a mat-button routerLink="kpis" data-testid="journey-nav-kpis">{{ 'journey.nav.kpis' | t }}</a>
            <a mat-button routerLink="recommendations" data-testid="journey-nav-recommendations">{{ 'journey.nav.recommendations' | t }}</a>
            <a mat-button routerLink="versions" data-testid="journey-nav-versions">{{ 'journey.nav.versions' | t }}</a>
          </nav>
          <span class="spacer"></span>
          <button mat-stroked-button type="button" (click)="presenting.set(true)" data-testid="journey-present">{{ 'journey.present' | t }}</button>
          <span class="exports" data-testid="journey-exports">
            <span class="tropa-muted">{{ 'journey.exports' | t }}:</span>
            @for (link of exports; track link.format) {
              <a mat-button [href]="store.exportUrl(link.format)" download [attr.data-testid]="link.testId">{{ link.label | t }}</a>
            }
            <button mat-button type="button" [disabled]="drawing() || !store.grid()" (click)="downloadPng()" data-testid="export-png">
              {{ 'journey.export.png' | t }}
            </button>
          </span>
        </div>
      }

      @if (store.readOnly() && store.map()) {
        <p class="banner" role="status" data-testid="journey-version-banner">
          @if (versionInfo(); as info) {
            {{ 'journey.version.banner' | t: { number: info.number, date: (info.publishedAt | localDate: true) } }}
          } @else {
            {{ 'journey.version.bannerPlain' | t }}
          }
          <a [routerLink]="[]" [queryParams]="{ version: null }" data-testid="journey-version-back">{{ 'journey.version.back' | t }}</a>
        </p>
      }
      @if (assembling.error(); as error) {
        <tropa-error-banner [error]="error" [retryable]="false" />
      }
      @if (pngError(); as error) {
        <tropa-error-banner [error]="error" [retryable]="false" />
      }
      @if (notice()) {
        <p class="notice" role="status" data-testid="journey-notice">{{ 'journey.assembled' | t }}</p>
      }

      @if (store.map(); as map) {
        @if (store.grid(); as grid) {
          @if (grid.stages.length === 0) {
            <p class="tropa-empty" data-testid="journey-empty">{{ 'journey.empty' | t }}</p>
          } @else {
            <tropa-emotion-chart [series]="chartSeries()" [table]="chartTable()" [stageNames]="stageNameList()" />
            <div class="grid-wrap">
              <tropa-map-grid
                [grid]="grid"
                [collapsedLanes]="store.collapsedLanes()"
                [emotions]="map.emotions"
                [personaId]="map.personaId"
                [funnel]="map.funnel"
                [canNote]="canReview() && !presenting()"
                [currentUserId]="currentUserId()"
                [selectedFindingId]="store.selectedFinding()?.id ?? null"
                [presenting]="presenting()"
                (findingOpened)="store.select({ kind: 'finding', findingId: $event })"
                (cellOpened)="store.select({ kind: 'cell', stageId: $event.stageId, lane: $event.lane })"
                (laneToggled)="toggleLane($event)"
                (noteRemoved)="removeNote($event)"
              />
            </div>
            <tropa-touchpoint-gaps [heatmap]="heatmap()" [touchpoints]="map.touchpoints" [stageNames]="store.stageNames()" />
          }
        }
        @if (store.status() === 'loading') {
          <tropa-loading />
        }
      } @else if (store.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="store.reload()" />
      } @else {
        <tropa-loading />
      }
      @if (store.map() && store.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="store.reload()" />
      }
      @if (noteError(); as error) {
        <tropa-error-banner [error]="error" [retryable]="false" />
      }

      <tropa-evidence-drawer [projectId]="projectId()" [canReview]="canReview() && !presenting()" [currentUserId]="currentUserId()" />
    </div>
  `,
  styles: `
    .page {
      display: flex;
      flex-direction: column;
      gap: 12px;
      /* The map wants the width of the window, not of the project page: widen to it, 32px gutters. */
      margin-inline: min(0px, calc((100% - (100vw - 64px)) / 2));
    }
    .page.presenting {
      position: fixed;
      inset: 0;
      z-index: 1000;
      overflow: auto;
      padding: 16px 24px;
      margin: 0;
      background: var(--mat-sys-surface);
      font-size: 1.1rem;
    }
    .present-bar {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .present-bar h2 {
      margin: 0;
    }
    .present-bar button {
      margin-left: auto;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .persona {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .persona select {
      padding: 6px 8px;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    .links,
    .exports {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 2px;
    }
    .banner,
    .notice {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .banner a {
      margin-left: 8px;
      color: inherit;
    }
    .grid-wrap {
      min-width: 0;
    }
  `,
})
export class JourneyMapPage {
  protected readonly store = inject(MapStore);
  private readonly project = inject(ProjectStore);
  private readonly auth = inject(AuthStore);
  private readonly image = inject(MapImage);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** `?version=<id>`: a published version, read-only. */
  readonly version = input<string | undefined>(undefined);

  protected readonly exports = EXPORTS;
  protected readonly presenting = signal(false);
  protected readonly drawing = signal(false);
  protected readonly notice = signal(false);
  protected readonly pngError = signal<ApiError | null>(null);
  protected readonly noteError = signal<ApiError | null>(null);
  protected readonly assembling = new Submission();
  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? null);
  protected readonly canReview = computed(() => this.project.canReview() && !this.store.readOnly());
  protected readonly stageNameList = computed(() => (this.store.grid()?.stages ?? []).map((stage) => stage.name));
  private readonly seriesName = (personaId: string | null): string =>
    personaId === null ? this.i18n.t('journey.persona.all') : (this.store.personaNames().get(personaId) ?? personaId);
  protected readonly chartSeries = computed(() => {
    const map = this.store.map();
    return map ? emotionSeries(map.emotions, map.stages, this.seriesName) : [];
  });
  protected readonly chartTable = computed(() => {
    const map = this.store.map();
    return emotionTable(map?.emotions ?? [], map?.stages ?? [], this.seriesName);
  });
  protected readonly heatmap = computed(() => {
    const map = this.store.map();
    const stageIds = (this.store.grid()?.stages ?? []).map((stage) => stage.id);
    return buildHeatmap(map?.touchpoints.cells ?? [], stageIds);
  });
  protected readonly personaLabel = computed(() => this.seriesName(this.store.personaId()));
  private readonly grid = viewChild(MapGrid);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const version = this.version() ?? null;
      untracked(() => {
        this.notice.set(false);
        this.store.open(projectId, version);
      });
    });
  }

  /** The version on show, when the map names it (a version is shown as the latest published one at its time). */
  protected readonly versionInfo = computed(() => {
    const latest = this.store.map()?.latestVersion ?? null;
    return latest && latest.id === this.store.versionId() ? latest : null;
  });

  protected choosePersona(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.notice.set(false);
    this.store.setPersona(value || null);
  }

  protected toggleLane(lane: JourneyLane): void {
    this.store.toggleLane(lane);
  }

  protected async assemble(): Promise<void> {
    this.notice.set(false);
    const result = await this.assembling.run(() => this.store.assemble());
    if (result.ok) this.notice.set(true);
  }

  protected async removeNote(noteId: string): Promise<void> {
    this.noteError.set(null);
    const result = await this.store.removeNote(noteId);
    if (!result.ok) this.noteError.set(result.error);
  }

  protected async downloadPng(): Promise<void> {
    const grid = this.grid();
    if (!grid) return;
    this.pngError.set(null);
    this.drawing.set(true);
    try {
      await this.image.download(grid.element(), 'journey-map.png');
    } catch {
      this.pngError.set({ statusCode: -1, error: 'Error', message: this.i18n.t('journey.export.pngFailed') });
    } finally {
      this.drawing.set(false);
    }
  }

  /** Esc leaves presentation mode first, then closes the drawer. */
  protected leaveOnEscape(): void {
    if (this.presenting()) {
      this.presenting.set(false);
    } else if (this.store.selection()) {
      this.store.select(null);
    }
  }
}
