import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ApiError, QuestionMapping } from '@tropa/contracts';
import { MAX_PAGE_SIZE } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { StagesStore } from '../../stages/data-access/stages-store';
import { TouchpointsStore } from '../../touchpoints/data-access/touchpoints-store';
import { mappingDrafts, mappingsToSave } from '../model/question-mappings';
import { SurveyStore } from '../data-access/survey-store';
import { MappingTable } from '../ui/mapping-table';
import type { MappingChange } from '../ui/mapping-table';

/** Journey mapping: each saved question → stage, touchpoint, metric, persona attribute, JTBD prompt. */
@Component({
  selector: 'tropa-survey-mapping-tab',
  imports: [MatButtonModule, MappingTable, TranslatePipe, ErrorBanner, LoadingIndicator],
  providers: [StagesStore, TouchpointsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="tropa-muted">{{ 'mapping.hint' | t }}</p>
    @if (stages.status() === 'loading' || touchpoints.status() === 'loading') {
      <tropa-loading />
    }
    @if (stages.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="stages.reload()" />
    }
    @if (touchpoints.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="touchpoints.reload()" />
    }
    @if (store.questions().length === 0) {
      <p class="tropa-empty" data-testid="mapping-empty">{{ 'mapping.noQuestions' | t }}</p>
    } @else {
      <tropa-mapping-table
        [questions]="store.questions()"
        [mappings]="drafts()"
        [stages]="stages.items()"
        [touchpoints]="touchpoints.items()"
        [editable]="project.canEditContent()"
        (changed)="change($event)"
      />
      @if (saveError(); as error) {
        <tropa-error-banner [error]="error" [retryable]="false" />
      }
      @if (project.canEditContent()) {
        <div class="tropa-actions save">
          <button mat-flat-button type="button" [disabled]="saving()" (click)="save()" data-testid="mapping-save">{{ 'mapping.save' | t }}</button>
          @if (saved()) {
            <span class="tropa-muted" data-testid="mapping-saved">{{ 'common.saved' | t }}</span>
          }
        </div>
      }
    }
  `,
  styles: `
    .save {
      margin-top: 16px;
    }
  `,
})
export class SurveyMappingTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  protected readonly stages = inject(StagesStore);
  protected readonly touchpoints = inject(TouchpointsStore);

  protected readonly drafts = signal<QuestionMapping[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly saveError = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      const projectId = this.store.projectId();
      if (!projectId) return;
      untracked(() => {
        this.stages.open(projectId);
        this.touchpoints.open(projectId);
        this.touchpoints.load({ pageSize: MAX_PAGE_SIZE });
      });
    });
    effect(() => {
      const survey = this.store.survey();
      if (survey) {
        untracked(() => this.drafts.set(mappingDrafts(survey.questions, survey.mappings)));
      }
    });
  }

  protected change({ index, patch }: MappingChange): void {
    this.saved.set(false);
    this.drafts.update((drafts) => drafts.map((draft, position) => (position === index ? { ...draft, ...patch } : draft)));
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    const result = await this.store.saveMappings(mappingsToSave(this.store.questions(), this.drafts()));
    this.saving.set(false);
    if (result.ok) {
      this.saved.set(true);
    } else {
      this.saveError.set(result.error);
    }
  }
}
