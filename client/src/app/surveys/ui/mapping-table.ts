import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { QuestionMapping, StageResponse, SurveyQuestionInfo, TouchpointResponse } from '@tropa/contracts';
import { QUESTION_METRICS } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { isOpenQuestion } from '../model/survey-definition';

export interface MappingChange {
  index: number;
  patch: Partial<QuestionMapping>;
}

/** Per question: stage, touchpoint, metric, persona attribute and (open questions) the JTBD flag. */
@Component({
  selector: 'tropa-mapping-table',
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="rows" data-testid="mapping-table">
      @for (row of mappings(); track row.questionName; let index = $index) {
        @let question = questionsByName().get(row.questionName);
        <section class="row" data-testid="mapping-row">
          <header class="question">
            <span class="title" data-testid="mapping-question-title">{{ question?.title ?? row.questionName }}</span>
            @if (question) {
              <span class="tropa-muted small">{{ labels.questionType(question.type) | t }} · {{ row.questionName }}</span>
            }
          </header>
          <div class="fields">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'mapping.stage' | t }}</mat-label>
              <mat-select [value]="row.stageId ?? ''" [disabled]="!editable()" (valueChange)="change(index, { stageId: $event || null })" data-testid="mapping-stage">
                <mat-option value="">{{ 'mapping.none' | t }}</mat-option>
                @for (stage of stages(); track stage.id) {
                  <mat-option [value]="stage.id">{{ stage.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'mapping.touchpoint' | t }}</mat-label>
              <mat-select [value]="row.touchpointId ?? ''" [disabled]="!editable()" (valueChange)="change(index, { touchpointId: $event || null })" data-testid="mapping-touchpoint">
                <mat-option value="">{{ 'mapping.none' | t }}</mat-option>
                @for (touchpoint of touchpoints(); track touchpoint.id) {
                  <mat-option [value]="touchpoint.id">{{ touchpoint.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'mapping.metric' | t }}</mat-label>
              <mat-select [value]="row.metric ?? ''" [disabled]="!editable()" (valueChange)="change(index, { metric: $event || null })" data-testid="mapping-metric">
                <mat-option value="">{{ 'mapping.none' | t }}</mat-option>
                @for (metric of metrics; track metric) {
                  <mat-option [value]="metric">{{ labels.metric(metric) | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'mapping.personaAttribute' | t }}</mat-label>
              <input matInput maxlength="100" [value]="row.personaAttribute ?? ''" [disabled]="!editable()" (input)="change(index, { personaAttribute: text($event) })" data-testid="mapping-persona" />
            </mat-form-field>
            @if (question && open(question)) {
              <mat-checkbox [checked]="row.jtbdPrompt" [disabled]="!editable()" (change)="change(index, { jtbdPrompt: $event.checked })" data-testid="mapping-jtbd">
                {{ 'mapping.jtbd' | t }}
              </mat-checkbox>
            }
          </div>
        </section>
      }
    </div>
  `,
  styles: `
    .row {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .question {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
      margin-bottom: 8px;
    }
    .title {
      font-weight: 500;
    }
    .small {
      font-size: 0.8em;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    mat-form-field {
      flex: 1 1 180px;
      max-width: 260px;
    }
  `,
})
export class MappingTable {
  readonly questions = input.required<SurveyQuestionInfo[]>();
  readonly mappings = input.required<QuestionMapping[]>();
  readonly stages = input<StageResponse[]>([]);
  readonly touchpoints = input<TouchpointResponse[]>([]);
  readonly editable = input(false);
  readonly changed = output<MappingChange>();

  protected readonly labels = labelKeys;
  protected readonly metrics = QUESTION_METRICS;
  protected readonly questionsByName = computed(() => new Map(this.questions().map((question) => [question.name, question])));

  protected open(question: SurveyQuestionInfo): boolean {
    return isOpenQuestion(question.type);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected change(index: number, patch: Partial<QuestionMapping>): void {
    this.changed.emit({ index, patch });
  }
}
