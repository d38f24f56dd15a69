import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ResponseRecord, SurveyQuestionInfo } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { answerText } from '../model/answer-text';

/** Responses, newest first: when, source, completion and the first answers as text. */
@Component({
  selector: 'tropa-response-table',
  imports: [MatButtonModule, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="response-table">
        <thead>
          <tr>
            <th>{{ 'responses.submittedAt' | t }}</th>
            <th>{{ 'responses.source' | t }}</th>
            <th>{{ 'responses.completion' | t }}</th>
            @for (question of shownQuestions(); track question.name) {
              <th class="answer">{{ question.title }}</th>
            }
            <th><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
          </tr>
        </thead>
        <tbody>
          @for (response of responses(); track response.id) {
            <tr data-testid="response-row" [class.selected]="response.id === selectedId()">
              <td class="nowrap">{{ response.submittedAt | localDate: true }}</td>
              <td>{{ labels.responseSource(response.source) | t }}</td>
              <td>{{ (response.completed ? 'responses.completed' : 'responses.incomplete') | t }}</td>
              @for (question of shownQuestions(); track question.name) {
                <td class="answer" data-testid="response-cell">{{ cell(question, response) }}</td>
              }
              <td class="actions">
                <button mat-button type="button" (click)="opened.emit(response)" data-testid="response-view">{{ 'responses.view' | t }}</button>
                @if (editable()) {
                  <button mat-button type="button" class="delete" (click)="deleted.emit(response)" data-testid="response-delete">{{ 'common.delete' | t }}</button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
    .answer {
      max-width: 150px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .delete {
      color: var(--mat-sys-error);
    }
    .selected {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class ResponseTable {
  readonly responses = input.required<ResponseRecord[]>();
  readonly questions = input<SurveyQuestionInfo[]>([]);
  readonly selectedId = input<string | null>(null);
  readonly editable = input(false);
  readonly yes = input('Yes');
  readonly no = input('No');
  readonly opened = output<ResponseRecord>();
  readonly deleted = output<ResponseRecord>();

  protected readonly labels = labelKeys;
  /** The first few questions as columns; the full response opens on "View". */
  protected readonly shownQuestions = computed(() => this.questions().slice(0, 4));

  protected cell(question: SurveyQuestionInfo, response: ResponseRecord): string {
    return answerText(question, response.answers[question.name], { yes: this.yes(), no: this.no() }) ?? '—';
  }
}
