import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SurveyListItem } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-survey-table',
  imports: [RouterLink, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="survey-table">
        <thead>
          <tr>
            <th>{{ 'surveys.name' | t }}</th>
            <th>{{ 'surveys.status' | t }}</th>
            <th class="number">{{ 'surveys.responses' | t }}</th>
            <th>{{ 'surveys.language' | t }}</th>
            <th>{{ 'surveys.updated' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (survey of surveys(); track survey.id) {
            <tr data-testid="survey-row">
              <td>
                <a [routerLink]="[survey.id]" class="title" data-testid="survey-row-title">{{ survey.title }}</a>
                @if (survey.description) {
                  <div class="tropa-muted description">{{ survey.description }}</div>
                }
              </td>
              <td>
                <span class="tropa-chip" [class]="'status-' + survey.status" data-testid="survey-row-status">
                  {{ labels.surveyStatus(survey.status) | t }}
                </span>
              </td>
              <td class="number" data-testid="survey-row-responses">{{ survey.responseCount }}</td>
              <td>{{ labels.language(survey.language) | t }}</td>
              <td>{{ survey.updatedAt | localDate: true }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .title {
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .description {
      font-size: 0.85em;
      max-width: 480px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .number {
      text-align: right;
    }
  `,
})
export class SurveyTable {
  readonly surveys = input.required<SurveyListItem[]>();
  protected readonly labels = labelKeys;
}
