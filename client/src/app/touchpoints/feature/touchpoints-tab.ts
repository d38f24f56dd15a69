import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ChannelKind, CreateTouchpointRequest, TouchpointResponse } from '@tropa/contracts';
import { CHANNEL_KINDS } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { StagesStore } from '../../stages/data-access/stages-store';
import { TouchpointsStore } from '../data-access/touchpoints-store';
import { TouchpointForm } from '../ui/touchpoint-form';
import { TouchpointTable } from '../ui/touchpoint-table';
import { Submission } from '../../core/forms/submission';

type OnlineFilter = 'all' | 'online' | 'offline';

interface TouchpointGroup {
  key: string;
  /** The stage name; null for touchpoints linked to no stage. */
  title: string | null;
  touchpoints: TouchpointResponse[];
}

@Component({
  selector: 'tropa-touchpoints-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatPaginatorModule,
    TouchpointForm,
    TouchpointTable,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [TouchpointsStore, StagesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.touchpoints' | t }}</h2>
      @if (project.canEditContent() && !creating()) {
        <button mat-flat-button type="button" (click)="startCreate()" data-testid="touchpoint-new">
          {{ 'touchpoints.new' | t }}
        </button>
      }
    </div>
    @if (creating() || editing()) {
      <section class="tropa-panel">
        <h3>{{ (editing() ? 'touchpoints.edit' : 'touchpoints.new') | t }}</h3>
        <tropa-touchpoint-form
          [touchpoint]="editing()"
          [stages]="stages.items()"
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
        <input matInput type="search" [formControl]="search" data-testid="touchpoints-search" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'touchpoints.filterStage' | t }}</mat-label>
        <mat-select [value]="store.query().stageId ?? ''" (valueChange)="filterStage($event)" data-testid="filter-stage">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (stage of stages.items(); track stage.id) {
            <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'touchpoints.channel' | t }}</mat-label>
        <mat-select [value]="store.query().channel ?? ''" (valueChange)="filterChannel($event)" data-testid="filter-channel">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (channel of channels; track channel) {
            <mat-option [value]="channel">{{ labels.channel(channel) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'touchpoints.mode' | t }}</mat-label>
        <mat-select [value]="onlineFilter()" (valueChange)="filterOnline($event)" data-testid="filter-online">
          <mat-option value="all">{{ 'common.all' | t }}</mat-option>
          <mat-option value="online">{{ 'touchpoints.onlineShort' | t }}</mat-option>
          <mat-option value="offline">{{ 'touchpoints.offlineShort' | t }}</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-slide-toggle [checked]="groupByStage()" (change)="groupByStage.set($event.checked)" data-testid="group-by-stage">
        {{ 'touchpoints.groupByStage' | t }}
      </mat-slide-toggle>
    </div>
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (stages.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="stages.reload()" />
    }
    @if (action.error(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="touchpoints-empty">
        {{ (hasFilters() ? 'common.noMatches' : 'touchpoints.empty') | t }}
      </p>
    } @else if (groupByStage()) {
      @for (group of groups(); track group.key) {
        <section class="group" data-testid="touchpoint-group">
          <h3>{{ group.title ?? ('touchpoints.noStage' | t) }} <span class="tropa-muted">({{ group.touchpoints.length }})</span></h3>
          <tropa-touchpoint-table
            [touchpoints]="group.touchpoints"
            [stages]="stages.items()"
            [editable]="project.canEditContent()"
            (edit)="startEdit($event)"
            (remove)="deleteTouchpoint($event)"
          />
        </section>
      }
    } @else {
      <tropa-touchpoint-table
        [touchpoints]="store.items()"
        [stages]="stages.items()"
        [editable]="project.canEditContent()"
        (edit)="startEdit($event)"
        (remove)="deleteTouchpoint($event)"
      />
    }
    @if (store.total() > (store.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="store.total()"
        [pageIndex]="(store.query().page ?? 1) - 1"
        [pageSize]="store.query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
      />
    }
  `,
  styles: `
    .group h3 {
      margin: 24px 0 8px;
    }
  `,
})
export class TouchpointsTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(TouchpointsStore);
  protected readonly stages = inject(StagesStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();

  protected readonly labels = labelKeys;
  protected readonly channels = CHANNEL_KINDS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly creating = signal(false);
  protected readonly editing = signal<TouchpointResponse | null>(null);
  protected readonly form = new Submission();
  protected readonly action = new Submission();
  protected readonly onlineFilter = computed<OnlineFilter>(() => {
    const online = this.store.query().online;
    return online === undefined ? 'all' : online ? 'online' : 'offline';
  });
  protected readonly groupByStage = signal(false);
  /** The loaded page grouped by stage, in journey order; a touchpoint on two stages shows in both. */
  protected readonly groups = computed<TouchpointGroup[]>(() => {
    const touchpoints = this.store.items();
    const groups: TouchpointGroup[] = this.stages
      .items()
      .map((stage) => ({
        key: stage.id,
        title: stage.name,
        touchpoints: touchpoints.filter((touchpoint) => touchpoint.stageIds.includes(stage.id)),
      }))
      .filter((group) => group.touchpoints.length > 0);
    const known = new Set(this.stages.items().map((stage) => stage.id));
    const unassigned = touchpoints.filter((touchpoint) => !touchpoint.stageIds.some((id) => known.has(id)));
    return unassigned.length > 0 ? [...groups, { key: '', title: null, touchpoints: unassigned }] : groups;
  });
  protected readonly hasFilters = computed(() => {
    const query = this.store.query();
    return Boolean(query.q || query.channel || query.stageId || query.online !== undefined);
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => {
        this.store.open(projectId);
        this.stages.open(projectId);
      });
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.store.load({ q: q.trim() || undefined }));
  }

  protected filterStage(stageId: string): void {
    this.store.load({ stageId: stageId || undefined });
  }

  protected filterChannel(channel: ChannelKind | ''): void {
    this.store.load({ channel: channel || undefined });
  }

  protected filterOnline(filter: OnlineFilter): void {
    this.store.load({ online: filter === 'all' ? undefined : filter === 'online' });
  }

  protected startCreate(): void {
    this.form.error.set(null);
    this.editing.set(null);
    this.creating.set(true);
  }

  protected startEdit(touchpoint: TouchpointResponse): void {
    this.form.error.set(null);
    this.creating.set(false);
    this.editing.set(touchpoint);
  }

  protected stopEditing(): void {
    this.creating.set(false);
    this.editing.set(null);
  }

  protected async save(request: CreateTouchpointRequest): Promise<void> {
    const editing = this.editing();
    const result = await this.form.run(() => (editing ? this.store.update(editing.id, request) : this.store.create(request)));
    if (result.ok) this.stopEditing();
  }

  protected async deleteTouchpoint(touchpoint: TouchpointResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('touchpoints.deleteTitle'),
      message: this.i18n.t('touchpoints.deleteConfirm', { name: touchpoint.name }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    await this.action.run(() => this.store.remove(touchpoint.id));
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
