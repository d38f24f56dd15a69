import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { SummaryStore } from '../data-access/summary-store';
import { SurveyStore } from '../data-access/survey-store';
import { QuestionChart } from '../ui/question-chart';

/** Per-question summaries as charts. */
@Component({
  selector: 'tropa-survey-summary-tab',
  imports: [MatButtonModule, QuestionChart, TranslatePipe, ErrorBanner, LoadingIndicator],
  providers: [SummaryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (summary.status() === 'loading') {
      <tropa-loading />
    }
    @if (summary.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="summary.reload()" />
    }
    @if (summary.summary(); as data) {
      <div class="tropa-actions totals">
        <strong data-testid="summary-total">{{ 'summary.responses' | t: { count: data.responses } }}</strong>
        <span class="tropa-muted">{{ 'summary.completed' | t: { count: data.completed } }}</span>
        <span class="tropa-spacer"></span>
        <button mat-button type="button" (click)="summary.reload()" data-testid="summary-refresh">{{ 'common.retry' | t }}</button>
      </div>
      @if (data.responses === 0) {
        <p class="tropa-empty" data-testid="summary-empty">{{ 'summary.empty' | t }}</p>
      } @else {
        <div class="grid">
          @for (chart of summary.charts(); track chart.name) {
            <tropa-question-chart [chart]="chart" />
          }
        </div>
      }
    }
  `,
  styles: `
    .totals {
      margin-bottom: 16px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr));
      gap: 16px;
    }
  `,
})
export class SurveySummaryTab {
  protected readonly store = inject(SurveyStore);
  protected readonly summary = inject(SummaryStore);

  constructor() {
    effect(() => {
      const survey = this.store.survey();
      const projectId = this.store.projectId();
      if (survey) {
        untracked(() => this.summary.open(projectId, survey.id));
      }
    });
  }
}
