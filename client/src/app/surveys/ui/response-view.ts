import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ResponseRecord } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { AnsweredQuestion } from '../model/answer-text';

/** One response: each question's title and the answer, as text. */
@Component({
  selector: 'tropa-response-view',
  imports: [MatButtonModule, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tropa-panel" data-testid="response-detail">
      <div class="tropa-actions">
        <h3 class="tropa-spacer">{{ 'responses.responseTitle' | t: { date: (response().submittedAt | localDate: true) } }}</h3>
        @if (erasable() && !response().erasedAt) {
          <button mat-button type="button" class="erase" (click)="erase.emit(response())" data-testid="response-erase">
            {{ 'privacy.respondent.erase' | t }}
          </button>
        }
        <button mat-button type="button" (click)="closed.emit()" data-testid="response-close">{{ 'common.close' | t }}</button>
      </div>
      @if (response().erasedAt; as erasedAt) {
        <p class="tropa-muted" data-testid="response-erased">{{ 'privacy.respondent.erasedNotice' | t: { date: (erasedAt | localDate: true) } }}</p>
      }
      <p class="tropa-muted">
        {{ labels.responseSource(response().source) | t }} ·
        {{ (response().completed ? 'responses.completed' : 'responses.incomplete') | t }} ·
        {{ 'responses.respondent' | t }}: {{ response().respondentKey }}
      </p>
      <dl>
        @for (item of answers(); track item.name) {
          <dt data-testid="response-question">{{ item.title }}</dt>
          <dd data-testid="response-answer" [class.tropa-muted]="item.text === null">{{ item.text ?? ('responses.noAnswer' | t) }}</dd>
        }
      </dl>
    </section>
  `,
  styles: `
    dt {
      font-weight: 500;
      margin-top: 12px;
    }
    .erase {
      color: var(--mat-sys-error);
    }
    dd {
      margin: 4px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ResponseView {
  readonly response = input.required<ResponseRecord>();
  readonly answers = input.required<AnsweredQuestion[]>();
  readonly closed = output();
  /** Owners and researchers may erase the respondent (answers, quotes, key). */
  readonly erasable = input(false);
  readonly erase = output<ResponseRecord>();

  protected readonly labels = labelKeys;
}
