import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CodebookImportReport, CreateTagRequest, TagKind, TagResponse, UpdateTagRequest } from '@tropa/contracts';
import { TAG_KINDS } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { CodebookStore } from '../data-access/codebook-store';
import { canCode } from '../model/codebook-roles';
import { tagKindKey } from '../model/tag-labels';
import { allowedTargets, buildTagTree, deletionImpact, filterTagTree, flattenTagTree, tagPath, visibleTagRows } from '../model/tag-tree';
import { chooseMergeTarget } from '../ui/merge-tag-dialog';
import { TagForm } from '../ui/tag-form';
import { TagTreeTable } from '../ui/tag-tree-table';

/**
 * The project's codebook: the tag tree with usage, create / edit / move / merge / delete for
 * coders, and REFI-QDA (.qdc) or CSV exchange with NVivo, ATLAS.ti and MAXQDA.
 */
@Component({
  selector: 'tropa-codebook-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
    TagForm,
    TagTreeTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.codebook' | t }}</h2>
      @if (canEdit() && editing() === null) {
        <button mat-flat-button type="button" (click)="startCreate()" data-testid="tag-new">{{ 'codebook.new' | t }}</button>
      }
      <a mat-stroked-button [href]="store.exportUrl(projectId(), 'qdc')" download data-testid="codebook-export-qdc">{{ 'codebook.exportQdc' | t }}</a>
      <a mat-stroked-button [href]="store.exportUrl(projectId(), 'csv')" download data-testid="codebook-export-csv">{{ 'codebook.exportCsv' | t }}</a>
      @if (canEdit()) {
        <input
          #file
          type="file"
          class="cdk-visually-hidden"
          accept=".qdc,.xml,.csv,text/csv"
          (change)="importFile(file)"
          data-testid="codebook-import-file"
        />
        <button mat-stroked-button type="button" [disabled]="importing.saving()" (click)="file.click()" data-testid="codebook-import">
          {{ (importing.saving() ? 'codebook.importing' : 'codebook.import') | t }}
        </button>
      }
    </div>

    @if (!canEdit() && project.status() === 'ready') {
      <p class="tropa-muted" data-testid="codebook-read-only">{{ 'codebook.readOnly' | t }}</p>
    }
    @if (importReport(); as report) {
      <p class="tropa-panel notice" role="status" data-testid="codebook-import-report">
        {{ 'codebook.importReport' | t: { created: report.created, reused: report.reused, skipped: report.skipped } }}
      </p>
    }
    @if (importing.error(); as importError) {
      <tropa-error-banner [error]="importError" [retryable]="false" />
    }
    @if (notice(); as message) {
      <p class="tropa-panel notice" role="status" data-testid="codebook-notice">{{ message }}</p>
    }
    @if (action.error(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }

    @if (editing(); as state) {
      <section class="tropa-panel">
        <h3>{{ (state === 'new' ? 'codebook.new' : 'codebook.edit') | t }}</h3>
        <tropa-tag-form
          [tag]="state === 'new' ? null : state"
          [tags]="store.tags()"
          [serverError]="form.error()"
          [saving]="form.saving()"
          (submitted)="save($event)"
          (cancelled)="stopEditing()"
        />
      </section>
    }

    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'common.search' | t }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="codebook-search" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'codebook.filterKind' | t }}</mat-label>
        <mat-select [value]="kind()" (valueChange)="kind.set($event)" data-testid="codebook-kind-filter">
          <mat-option [value]="null">{{ 'common.all' | t }}</mat-option>
          @for (option of kinds; track option) {
            <mat-option [value]="option">{{ kindKey(option) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="tropa-spacer"></span>
      @if (store.status() === 'ready') {
        <span class="tropa-muted" data-testid="codebook-count">{{ 'codebook.count' | t: { n: store.tags().length } }}</span>
      }
    </div>

    @if (store.status() === 'loading' && store.tags().length === 0) {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="codebook-empty">{{ 'codebook.empty' | t }}</p>
    } @else if (store.status() === 'ready' && rows().length === 0) {
      <p class="tropa-empty" data-testid="codebook-no-matches">{{ 'common.noMatches' | t }}</p>
    }
    @if (rows().length > 0) {
      <tropa-tag-tree-table
        [rows]="rows()"
        [projectId]="projectId()"
        [editable]="canEdit()"
        [collapsed]="filtering() ? noneCollapsed : collapsed()"
        (toggled)="toggle($event)"
        (edit)="startEdit($event)"
        (merge)="mergeTag($event)"
        (remove)="deleteTag($event)"
      />
    }
  `,
  styles: `
    .notice {
      margin: 0 0 16px;
    }
  `,
})
export class CodebookPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(CodebookStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();

  protected readonly kinds: readonly TagKind[] = TAG_KINDS;
  protected readonly kindKey = tagKindKey;
  protected readonly noneCollapsed: ReadonlySet<string> = new Set();
  protected readonly canEdit = computed(() => canCode(this.project.role()));
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(200),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly kind = signal<TagKind | null>(null);
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  protected readonly filtering = computed(() => this.q() !== '' || this.kind() !== null);
  /** The tree, filtered (matches keep their ancestors) or with collapsed branches hidden. */
  protected readonly rows = computed(() => {
    const rows = flattenTagTree(filterTagTree(this.store.tree(), { q: this.q(), kind: this.kind() }));
    return this.filtering() ? rows : visibleTagRows(rows, this.collapsed());
  });
  /** 'new', the tag being edited, or null when no form is open. */
  protected readonly editing = signal<'new' | TagResponse | null>(null);
  protected readonly form = new Submission();
  protected readonly action = new Submission();
  protected readonly importing = new Submission();
  protected readonly importReport = signal<CodebookImportReport | null>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.load(projectId));
    });
  }

  protected toggle(tag: TagResponse): void {
    this.collapsed.update((collapsed) => {
      const next = new Set(collapsed);
      if (!next.delete(tag.id)) {
        next.add(tag.id);
      }
      return next;
    });
  }

  protected startCreate(): void {
    this.form.error.set(null);
    this.editing.set('new');
  }

  protected startEdit(tag: TagResponse): void {
    this.form.error.set(null);
    this.editing.set(tag);
  }

  protected stopEditing(): void {
    this.editing.set(null);
  }

  protected async save(request: CreateTagRequest): Promise<void> {
    const editing = this.editing();
    if (editing === null) {
      return;
    }
    const result = await this.form.run(() => (editing === 'new' ? this.store.create(request) : this.store.update(editing.id, toUpdate(editing, request))));
    if (result.ok) {
      this.stopEditing();
    }
  }

  protected async mergeTag(tag: TagResponse): Promise<void> {
    this.notice.set(null);
    const tags = this.store.tags();
    const targets = flattenTagTree(buildTagTree(allowedTargets(tags, tag.id))).map((row) => ({ id: row.tag.id, label: tagPath(tags, row.tag.id) }));
    const intoTagId = await chooseMergeTarget(this.dialog, { tag, targets });
    if (!intoTagId) {
      return;
    }
    const target = targets.find((candidate) => candidate.id === intoTagId)?.label ?? '';
    const result = await this.action.run(() => this.store.merge(tag.id, intoTagId));
    if (result.ok) {
      this.notice.set(this.i18n.t('codebook.merged', { name: tag.name, target }));
    }
  }

  /** Reads the tag's usage again, then asks with the numbers of quotes and sub-tags it takes along. */
  protected async deleteTag(tag: TagResponse): Promise<void> {
    this.notice.set(null);
    const fresh = await this.action.run(() => this.store.refresh(tag.id));
    if (!fresh.ok) {
      return;
    }
    const impact = deletionImpact(this.store.tags(), tag.id);
    const message = [
      this.i18n.t('codebook.deleteConfirm', { name: tag.name, n: fresh.value.usage }),
      ...(impact.children > 0 ? [this.i18n.t('codebook.deleteChildren', { children: impact.children, childUsage: impact.childUsage })] : []),
    ].join(' ');
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('codebook.deleteTitle'),
      message,
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    const result = await this.action.run(() => this.store.remove(tag.id));
    const editing = this.editing();
    if (result.ok && editing !== null && editing !== 'new' && editing.id === tag.id) {
      this.stopEditing();
    }
  }

  protected async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    this.importReport.set(null);
    const result = await this.importing.run(() => this.store.import(file));
    if (result.ok) {
      this.importReport.set(result.value);
    }
  }
}

/** An edit sends what may change: never the kind, and no name for a stage tag (it follows its stage). */
function toUpdate(tag: TagResponse, request: CreateTagRequest): UpdateTagRequest {
  const update: UpdateTagRequest = {
    parentId: request.parentId,
    color: request.color,
    description: request.description,
    shortcut: request.shortcut,
    valence: request.valence,
  };
  return tag.stageId ? update : { name: request.name, ...update };
}
