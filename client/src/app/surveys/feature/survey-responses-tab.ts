import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ApiError, ResponseRecord } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { toResult } from '../../core/http/api-error';
import { PrivacyApi } from '../../privacy/data-access/privacy-api';
import { ProjectStore } from '../../projects/data-access/project-store';
import { answeredQuestions } from '../model/answer-text';
import { ResponsesApi } from '../data-access/responses-api';
import { ResponsesStore } from '../data-access/responses-store';
import { SurveyStore } from '../data-access/survey-store';
import { ResponseTable } from '../ui/response-table';
import { ResponseView } from '../ui/response-view';

type Completion = 'all' | 'completed' | 'incomplete';

/** The start of a local day (`from`) or its last millisecond (`to`) as an ISO timestamp. */
function dayBound(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const moment = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(moment.getTime()) ? undefined : moment.toISOString();
}

@Component({
  selector: 'tropa-survey-responses-tab',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatPaginatorModule,
    ResponseTable,
    ResponseView,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [ResponsesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-actions export">
      <span>{{ 'responses.export' | t }}:</span>
      <a mat-stroked-button [href]="exportUrl('csv')" download data-testid="export-csv">{{ 'responses.exportCsv' | t }}</a>
      <a mat-stroked-button [href]="exportUrl('xlsx')" download data-testid="export-xlsx">{{ 'responses.exportXlsx' | t }}</a>
    </div>
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'responses.from' | t }}</mat-label>
        <input matInput type="date" [value]="from()" (change)="setFrom(text($event))" data-testid="responses-from" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'responses.to' | t }}</mat-label>
        <input matInput type="date" [value]="to()" (change)="setTo(text($event))" data-testid="responses-to" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'responses.completion' | t }}</mat-label>
        <mat-select [value]="completion()" (valueChange)="setCompletion($event)" data-testid="responses-completion">
          <mat-option value="all">{{ 'common.all' | t }}</mat-option>
          <mat-option value="completed">{{ 'responses.completed' | t }}</mat-option>
          <mat-option value="incomplete">{{ 'responses.incomplete' | t }}</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'responses.filterQuestion' | t }}</mat-label>
        <mat-select [value]="question()" (valueChange)="setQuestion($event)" data-testid="responses-question">
          <mat-option value="">{{ 'responses.anyQuestion' | t }}</mat-option>
          @for (item of store.questions(); track item.name) {
            <mat-option [value]="item.name">{{ item.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (question()) {
        @if (valueOptions(); as options) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'responses.filterValue' | t }}</mat-label>
            <mat-select [value]="value()" (valueChange)="setValue($event)" data-testid="responses-value">
              @for (option of options; track option.value) {
                <mat-option [value]="option.value">{{ option.text }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'responses.filterValue' | t }}</mat-label>
            <input matInput [value]="value()" (change)="setValue(text($event))" data-testid="responses-value-text" />
          </mat-form-field>
        }
      }
    </div>
    @if (responses.status() === 'loading') {
      <tropa-loading />
    }
    @if (responses.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="responses.reload()" />
    }
    @if (actionError(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (responses.selected(); as selected) {
      <tropa-response-view
        [response]="selected"
        [answers]="selectedAnswers()"
        [erasable]="project.canEditContent()"
        (closed)="responses.select(null)"
        (erase)="eraseRespondent($event)"
      />
    } @else if (responses.selectedError(); as error) {
      <tropa-error-banner [error]="error" [retryable]="false" />
    }
    @if (responses.isEmpty()) {
      <p class="tropa-empty" data-testid="responses-empty">{{ (hasFilters() ? 'common.noMatches' : 'responses.empty') | t }}</p>
    } @else if (responses.items().length > 0) {
      <tropa-response-table
        [responses]="responses.items()"
        [questions]="store.questions()"
        [selectedId]="responses.selected()?.id ?? null"
        [editable]="project.canEditContent()"
        [yes]="'common.yes' | t"
        [no]="'common.no' | t"
        (opened)="responses.select($event.id)"
        (deleted)="deleteResponse($event)"
      />
    }
    @if (responses.total() > (responses.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="responses.total()"
        [pageIndex]="(responses.query().page ?? 1) - 1"
        [pageSize]="responses.query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
      />
    }
  `,
  styles: `
    .export {
      margin-bottom: 16px;
    }
  `,
})
export class SurveyResponsesTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  protected readonly responses = inject(ResponsesStore);
  private readonly api = inject(ResponsesApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly privacy = inject(PrivacyApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly completion = signal<Completion>('all');
  protected readonly question = signal('');
  protected readonly value = signal('');
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly hasFilters = computed(
    () => Boolean(this.from() || this.to() || this.completion() !== 'all' || (this.question() && this.value())),
  );
  protected readonly valueOptions = computed(() => {
    const question = this.store.questions().find((item) => item.name === this.question());
    if (!question) return null;
    if (question.type === 'boolean') {
      return [
        { value: 'true', text: this.i18n.t('common.yes') },
        { value: 'false', text: this.i18n.t('common.no') },
      ];
    }
    return question.choices.length > 0 && question.type !== 'matrix' ? question.choices : null;
  });
  protected readonly selectedAnswers = computed(() => {
    const selected = this.responses.selected();
    return selected
      ? answeredQuestions(this.store.questions(), selected.answers, { yes: this.i18n.t('common.yes'), no: this.i18n.t('common.no') })
      : [];
  });

  /** `?response=`: a quote's source link opens its response. */
  readonly response = input<string | undefined>();

  constructor() {
    effect(() => {
      const survey = this.store.survey();
      const projectId = this.store.projectId();
      if (survey) {
        untracked(() => this.responses.open(projectId, survey.id));
      }
    });
    effect(() => {
      const survey = this.store.survey();
      const wanted = this.response();
      if (survey && wanted) {
        untracked(() => this.responses.select(wanted));
      }
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected exportUrl(format: 'csv' | 'xlsx'): string {
    const survey = this.store.survey();
    return survey ? this.api.exportUrl(this.store.projectId(), survey.id, format) : '';
  }

  protected setFrom(date: string): void {
    this.from.set(date);
    this.responses.load({ from: dayBound(date, false) });
  }

  protected setTo(date: string): void {
    this.to.set(date);
    this.responses.load({ to: dayBound(date, true) });
  }

  protected setCompletion(completion: Completion): void {
    this.completion.set(completion);
    this.responses.load({ completed: completion === 'all' ? undefined : completion === 'completed' });
  }

  protected setQuestion(question: string): void {
    this.question.set(question);
    this.value.set('');
    if (!question) {
      this.responses.load({ question: undefined, value: undefined });
    }
  }

  protected setValue(value: string): void {
    this.value.set(value);
    this.responses.load({ question: this.question() || undefined, value: this.question() && value ? value : undefined });
  }

  protected changePage(event: PageEvent): void {
    this.responses.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  /** Erases the respondent (see privacy.respondent.eraseConfirm); the row stays, emptied, and shows as erased. */
  protected async eraseRespondent(response: ResponseRecord): Promise<void> {
    const survey = this.store.survey();
    if (!survey) return;
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('privacy.respondent.eraseTitle'),
      message: this.i18n.t('privacy.respondent.eraseConfirm'),
      confirmLabel: this.i18n.t('privacy.erase'),
    });
    if (!confirmed) return;
    this.actionError.set(null);
    const result = await toResult(this.privacy.eraseRespondent(this.store.projectId(), survey.id, response.id));
    if (!result.ok) {
      this.actionError.set(result.error);
      return;
    }
    this.snackBar.open(this.i18n.t('privacy.respondent.erasedToast', { answers: result.value.answers, quotes: result.value.quotes }), undefined, { duration: 4000 });
    this.responses.reload();
    this.responses.select(response.id);
  }

  protected async deleteResponse(response: ResponseRecord): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('responses.deleteTitle'),
      message: this.i18n.t('responses.deleteConfirm'),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) return;
    this.actionError.set(null);
    const result = await this.responses.remove(response.id);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }
}
