import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { canEditJourney } from '../recommendations/model/recommendation-view';
import { VersionsStore } from '../versions/data-access/versions-store';
import { DiffView } from '../versions/ui/diff-view';

/** The value of the "to" select that means the working map. */
const WORKING = 'working';

/** Published versions of the map: publish the working map, open a version read-only, compare two states. */
@Component({
  selector: 'tropa-versions-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatSelectModule,
    RouterLink,
    LocalDatePipe,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    DiffView,
  ],
  providers: [VersionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'versions.title' | t }}</h2>
      <a mat-button [routerLink]="['..']" [queryParams]="personaQuery()" data-testid="journey-back">{{ 'kpis.backToMap' | t }}</a>
      <span class="tropa-spacer"></span>
      @if (canEdit()) {
        <button mat-flat-button type="button" [disabled]="publishing.saving() || !store.mapReady()" (click)="publish()" data-testid="version-publish">
          {{ 'versions.publish' | t }}
        </button>
      }
    </div>
    @if (personaId()) {
      <p class="tropa-muted" data-testid="persona-filter">{{ 'kpis.personaFilter' | t }}</p>
    }
    @if (store.mapReady() && store.unreviewed() > 0) {
      <p class="tropa-muted" data-testid="versions-unreviewed-now">{{ 'versions.unreviewedNow' | t: { count: store.unreviewed() } }}</p>
    }
    @if (store.mapError(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.loadMap()" />
    }
    @if (publishing.error(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (store.published(); as version) {
      <p class="notice" role="status" data-testid="version-published">
        {{ 'versions.published' | t: { number: version.number } }}
        @if (version.unreviewed > 0) {
          {{ 'versions.publishedUnreviewed' | t: { count: version.unreviewed } }}
        }
      </p>
    }

    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="versions-empty">{{ 'versions.empty' | t }}</p>
    } @else if (store.items().length > 0) {
      <div class="tropa-table-wrap">
        <table class="tropa-table" data-testid="versions-table">
          <thead>
            <tr>
              <th>{{ 'versions.number' | t }}</th>
              <th>{{ 'versions.date' | t }}</th>
              <th>{{ 'versions.by' | t }}</th>
              <th class="number">{{ 'versions.findings' | t }}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (version of store.items(); track version.id) {
              <tr data-testid="version-row" [attr.data-version-number]="version.number" [attr.data-version-id]="version.id">
                <td data-testid="version-number">
                  {{ 'versions.label' | t: { number: version.number } }}
                  @if (version.unreviewed > 0) {
                    <span class="badge" data-testid="version-unreviewed" [title]="'versions.unreviewedHint' | t">
                      {{ 'versions.unreviewed' | t: { count: version.unreviewed } }}
                    </span>
                  }
                </td>
                <td>{{ version.publishedAt | localDate: true }}</td>
                <td data-testid="version-by">{{ version.publishedBy ?? '—' }}</td>
                <td class="number" data-testid="version-findings">{{ version.findings }}</td>
                <td>
                  <a mat-button [routerLink]="['..']" [queryParams]="openQuery(version.id)" data-testid="version-open">{{ 'versions.open' | t }}</a>
                  <button mat-button type="button" (click)="compareWithWorking(version.id)" data-testid="version-compare">{{ 'versions.compareWorking' | t }}</button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (store.total() > (store.query().pageSize ?? 0)) {
        <mat-paginator
          [length]="store.total()"
          [pageIndex]="(store.query().page ?? 1) - 1"
          [pageSize]="store.query().pageSize"
          [pageSizeOptions]="[10, 25, 50, 100]"
          (page)="changePage($event)"
        />
      }

      <section class="tropa-panel diff">
        <h3>{{ 'versions.diff.title' | t }}</h3>
        <div class="tropa-filters">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'versions.diff.from' | t }}</mat-label>
            <mat-select [value]="fromId()" (valueChange)="fromId.set($event)" data-testid="diff-from">
              @for (version of store.items(); track version.id) {
                <mat-option [value]="version.id">{{ 'versions.label' | t: { number: version.number } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'versions.diff.to' | t }}</mat-label>
            <mat-select [value]="toId()" (valueChange)="toId.set($event)" data-testid="diff-to">
              <mat-option [value]="working">{{ 'versions.diff.working' | t }}</mat-option>
              @for (version of store.items(); track version.id) {
                <mat-option [value]="version.id">{{ 'versions.label' | t: { number: version.number } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-flat-button type="button" [disabled]="!fromId() || store.diffStatus() === 'loading'" (click)="runDiff()" data-testid="diff-run">
            {{ 'versions.diff.run' | t }}
          </button>
        </div>
        @if (store.diffStatus() === 'loading') {
          <tropa-loading />
        }
        @if (store.diffError(); as error) {
          <tropa-error-banner [error]="error" (retry)="runDiff()" />
        }
        @if (store.diff(); as diff) {
          <p class="tropa-muted" data-testid="diff-summary">
            {{ 'versions.diff.summary' | t: { from: diff.from.number, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } }}
            {{ diff.to.kind === 'working' ? ('versions.diff.toWorking' | t) : ('versions.diff.toVersion' | t: { number: diff.to.number }) }}
          </p>
          <tropa-diff-view [groups]="store.diffGroups()" [emotion]="store.emotionRows()" [kpis]="store.kpiRows()" />
        }
      </section>
    }
  `,
  styles: `
    .number {
      text-align: right;
    }
    .badge {
      margin-left: 8px;
      padding: 1px 8px;
      border-radius: 10px;
      font-size: 0.85em;
      background: #fff3bf;
      color: #8f5e00;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
    }
    .diff {
      margin-top: 16px;
    }
    h3 {
      margin-top: 0;
    }
  `,
})
export class VersionsPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(VersionsStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** `?personaId=`: the map of one persona. */
  readonly personaId = input<string | undefined>(undefined);

  protected readonly working = WORKING;
  protected readonly canEdit = computed(() => canEditJourney(this.project.role()));
  protected readonly personaQuery = computed(() => (this.personaId() ? { personaId: this.personaId() } : {}));
  protected readonly fromId = signal<string | null>(null);
  protected readonly toId = signal<string>(WORKING);
  protected readonly publishing = new Submission();

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const personaId = this.personaId();
      untracked(() => {
        this.fromId.set(null);
        this.toId.set(WORKING);
        this.store.open(projectId, personaId);
      });
    });
    // Compare from the newest version until the user picks one.
    effect(() => {
      const newest = this.store.items()[0];
      if (newest && untracked(() => this.fromId()) === null) this.fromId.set(newest.id);
    });
  }

  protected openQuery(versionId: string): Record<string, string> {
    return { ...this.personaQuery(), version: versionId } as Record<string, string>;
  }

  protected async publish(): Promise<void> {
    const unreviewed = this.store.unreviewed();
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('versions.publishTitle'),
      message:
        unreviewed > 0 ? this.i18n.t('versions.publishUnreviewed', { count: unreviewed }) : this.i18n.t('versions.publishConfirm'),
      confirmLabel: this.i18n.t('versions.publish'),
    });
    if (!confirmed) return;
    await this.publishing.run(() => this.store.publish());
  }

  protected compareWithWorking(versionId: string): void {
    this.fromId.set(versionId);
    this.toId.set(WORKING);
    void this.store.compare(versionId, null);
  }

  protected runDiff(): void {
    const from = this.fromId();
    if (!from) return;
    const to = this.toId();
    void this.store.compare(from, to === WORKING ? null : to);
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
