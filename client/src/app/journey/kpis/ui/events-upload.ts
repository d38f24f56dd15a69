import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ApiError, EventsImportResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { EventProblem } from '../model/event-problems';

/** Upload of an events file (CSV: customer id, stage or touchpoint, timestamp, amount): the count imported or the rows at fault. */
@Component({
  selector: 'tropa-events-upload',
  imports: [MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="tropa-muted">{{ 'kpis.events.hint' | t }}</p>
    @if (editable()) {
      <label class="file">
        <span>{{ 'kpis.events.choose' | t }}</span>
        <input type="file" accept=".csv,.tsv,.txt,text/csv" [disabled]="uploading()" (change)="pick($event)" data-testid="events-file" />
      </label>
    }
    @if (uploading()) {
      <p class="tropa-muted">{{ 'kpis.events.uploading' | t }}</p>
      <mat-progress-bar mode="indeterminate" />
    }
    @if (result(); as r) {
      <p data-testid="events-result">{{ 'kpis.events.imported' | t: { imported: r.imported, rows: r.rows } }}</p>
    }
    @if (error(); as e) {
      <p class="tropa-form-error" role="alert" data-testid="events-refused">
        @if (e.statusCode === 413) {
          {{ 'kpis.events.tooLarge' | t }}
        } @else {
          {{ e.message || ('errors.generic' | t) }}
        }
      </p>
    }
    @if (problems().length > 0) {
      <div class="tropa-table-wrap">
        <table class="tropa-table" data-testid="events-problems">
          <thead>
            <tr>
              <th>{{ 'kpis.events.line' | t }}</th>
              <th>{{ 'kpis.events.field' | t }}</th>
              <th>{{ 'kpis.events.message' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (problem of problems(); track $index) {
              <tr data-testid="events-problem">
                <td data-testid="events-problem-line">{{ problem.line || '—' }}</td>
                <td data-testid="events-problem-field">{{ problem.field || '—' }}</td>
                <td data-testid="events-problem-message">{{ problem.message }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .file {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 8px;
    }
  `,
})
export class EventsUpload {
  readonly editable = input(false);
  readonly uploading = input(false);
  readonly result = input<EventsImportResponse | null>(null);
  readonly error = input<ApiError | null>(null);
  readonly problems = input<readonly EventProblem[]>([]);
  readonly fileChosen = output<File>();

  protected pick(event: Event): void {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    if (file) this.fileChosen.emit(file);
    // The same file chosen again (after fixing it) must fire a change.
    target.value = '';
  }
}
