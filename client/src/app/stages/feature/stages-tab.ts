import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { ApiError, CreateStageRequest, StageResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { StagesStore } from '../data-access/stages-store';
import { StageCreateForm } from '../ui/stage-create-form';
import { StageList } from '../ui/stage-list';
import type { StageEdit } from '../ui/stage-list';

@Component({
  selector: 'tropa-stages-tab',
  imports: [StageList, StageCreateForm, TranslatePipe, ErrorBanner, LoadingIndicator],
  providers: [StagesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.stages' | t }}</h2>
    </div>
    @if (project.canEditContent()) {
      <p class="tropa-muted">{{ 'stages.hint' | t }}</p>
    }
    @if (store.status() === 'loading' && store.items().length === 0) {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (actionError(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="stages-empty">{{ 'stages.empty' | t }}</p>
    }
    <tropa-stage-list
      [stages]="store.items()"
      [editable]="project.canEditContent()"
      [reorderable]="store.canReorder()"
      (edited)="saveStage($event)"
      (deleted)="deleteStage($event)"
      (reordered)="reorder($event)"
    />
    @if (project.canEditContent()) {
      <section class="tropa-panel add">
        <tropa-stage-create-form
          [serverError]="createError()"
          [saving]="saving()"
          [resetToken]="created()"
          (submitted)="addStage($event)"
        />
      </section>
    }
  `,
  styles: `
    .add {
      margin-top: 16px;
    }
  `,
})
export class StagesTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(StagesStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();

  protected readonly createError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly created = signal(0);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.open(projectId));
    });
  }

  protected async addStage(request: CreateStageRequest): Promise<void> {
    this.createError.set(null);
    this.saving.set(true);
    const result = await this.store.create(request);
    this.saving.set(false);
    if (result.ok) {
      this.created.update((count) => count + 1);
    } else {
      this.createError.set(result.error);
    }
  }

  protected async saveStage(edit: StageEdit): Promise<void> {
    this.actionError.set(null);
    const result = await this.store.update(edit.stageId, edit.changes);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  protected async deleteStage(stage: StageResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('stages.deleteTitle'),
      message: this.i18n.t('stages.deleteConfirm', { name: stage.name }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await this.store.remove(stage.id);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  protected async reorder(stageIds: string[]): Promise<void> {
    this.actionError.set(null);
    const result = await this.store.reorder(stageIds);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }
}
