import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ImportReport } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** The dry run's or import's result: counts and the rows with problems. */
@Component({
  selector: 'tropa-import-report',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    <p data-testid="import-report-summary">
      {{ 'import.reportSummary' | t: { rows: r.rows, valid: r.valid, problems: r.problemCount } }}
    </p>
    @if (r.problems.length > 0) {
      <div class="tropa-table-wrap">
        <table class="tropa-table" data-testid="import-problems">
          <thead>
            <tr>
              <th>{{ 'import.row' | t }}</th>
              <th>{{ 'import.column' | t }}</th>
              <th>{{ 'import.reason' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (problem of r.problems; track $index) {
              <tr data-testid="import-problem">
                <td>{{ problem.row }}</td>
                <td>{{ problem.column ?? '—' }}</td>
                <td>{{ problem.reason }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (r.problemCount > r.problems.length) {
        <p class="tropa-muted">{{ 'import.reportMore' | t: { count: r.problemCount - r.problems.length } }}</p>
      }
    } @else if (r.dryRun) {
      <p data-testid="import-no-problems">{{ 'import.noProblems' | t }}</p>
    }
  `,
})
export class ImportReportView {
  readonly report = input.required<ImportReport>();
}
