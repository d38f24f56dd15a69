import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AnswerValue, Locale } from '@tropa/contracts';
import type { Model } from 'survey-core';
import { I18n } from '../../core/i18n/i18n';
import { EN_MESSAGES } from '../../core/i18n/messages.en';
import type { MessageKey, Messages } from '../../core/i18n/messages.en';
import { RU_MESSAGES } from '../../core/i18n/messages.ru';
import { RespondentStore } from '../data-access/respondent-store';
import { surveyModel } from '../model/survey-model';
import { SurveyView } from '../ui/survey-view';

const DICTIONARIES: Record<Locale, Messages> = { en: EN_MESSAGES, ru: RU_MESSAGES };

/**
 * The public page behind `/s/:token`: the survey in its own language, and nothing of the
 * project. One submission per browser session; clear messages for every way it can end.
 */
@Component({
  selector: 'tropa-respondent-page',
  imports: [MatButtonModule, MatProgressBarModule, SurveyView],
  providers: [RespondentStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="respondent" [attr.lang]="language()">
      @switch (store.phase()) {
        @case ('loading') {
          <p class="tropa-muted" role="status" data-testid="respondent-loading">{{ text('respondent.loading') }}</p>
          <mat-progress-bar mode="indeterminate" />
        }
        @case ('notFound') {
          <p class="message" role="alert" data-testid="respondent-not-found">{{ text('respondent.notFound') }}</p>
        }
        @case ('closed') {
          @if (store.survey(); as survey) {
            <h1 class="title">{{ survey.title }}</h1>
          }
          <p class="message" role="alert" data-testid="respondent-closed">{{ text('respondent.closed') }}</p>
        }
        @case ('alreadyAnswered') {
          @if (store.survey(); as survey) {
            <h1 class="title">{{ survey.title }}</h1>
          }
          <p class="message" role="status" data-testid="respondent-already">{{ text('respondent.alreadyAnswered') }}</p>
        }
        @case ('thanks') {
          @if (store.survey(); as survey) {
            <h1 class="title">{{ survey.title }}</h1>
          }
          <p class="message thanks" role="status" data-testid="respondent-thanks">{{ text('respondent.thanks') }}</p>
        }
        @case ('invalid') {
          <div class="message problems" role="alert" data-testid="respondent-invalid">
            <p>{{ text('respondent.invalid') }}</p>
            <ul>
              @for (problem of problems(); track $index) {
                <li data-testid="respondent-problem">{{ problem }}</li>
              }
            </ul>
            <button mat-flat-button type="button" (click)="backToSurvey()" data-testid="respondent-back">{{ text('respondent.backToSurvey') }}</button>
          </div>
        }
        @case ('error') {
          <div class="message problems" role="alert" data-testid="respondent-error">
            <p>{{ text('respondent.error') }}</p>
            <button mat-flat-button type="button" (click)="sendAgain()" data-testid="respondent-retry">{{ text('respondent.retry') }}</button>
          </div>
        }
        @case ('submitting') {
          <p class="tropa-muted" role="status" data-testid="respondent-sending">{{ text('respondent.sending') }}</p>
          <mat-progress-bar mode="indeterminate" />
        }
      }
      @if (store.phase() === 'answering' && store.survey(); as survey) {
        <h1 class="title" data-testid="respondent-title">{{ survey.title }}</h1>
        @if (survey.description) {
          <p class="description" data-testid="respondent-description">{{ survey.description }}</p>
        }
      }
      @if (model(); as model) {
        <div [hidden]="store.phase() !== 'answering'" data-testid="respondent-form">
          <tropa-survey-view [model]="model" />
        </div>
      }
    </div>
  `,
  styles: `
    .respondent {
      max-width: 760px;
      margin: 0 auto;
      padding: 24px 12px 48px;
      box-sizing: border-box;
    }
    .title {
      font-size: 1.5rem;
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
    .description {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
    .message {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      font-size: 1.1rem;
    }
    .thanks {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .problems {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class RespondentPage {
  protected readonly store = inject(RespondentStore);
  private readonly i18n = inject(I18n);

  readonly token = input.required<string>();

  protected readonly model = signal<Model | null>(null);
  /** The survey's language once known; before that the browser's. */
  protected readonly language = computed<Locale>(() => this.store.survey()?.language ?? this.i18n.locale());
  protected readonly problems = computed(() => {
    const model = this.model();
    return this.store.fieldErrors().map((error) => {
      const name = error.field.replace(/^answers\./, '');
      const title = model?.getQuestionByName(name)?.title;
      return `${title ?? name}: ${error.message}`;
    });
  });
  private lastAnswers: Record<string, AnswerValue> = {};

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.store.open(token));
    });
    effect(() => {
      const survey = this.store.survey();
      if (!survey || this.store.phase() !== 'answering' || untracked(this.model)) return;
      untracked(() => this.model.set(this.buildModel(survey.definition, survey.language)));
    });
  }

  protected text(key: MessageKey): string {
    return DICTIONARIES[this.language()][key];
  }

  protected backToSurvey(): void {
    this.model()?.clear(false, true);
    this.store.resume();
  }

  protected async sendAgain(): Promise<void> {
    await this.store.submit(this.lastAnswers);
  }

  private buildModel(definition: Record<string, unknown>, language: Locale): Model {
    const model = surveyModel(definition, language);
    model.showCompletedPage = false;
    model.onComplete.add((sender) => {
      this.lastAnswers = { ...(sender.data as Record<string, AnswerValue>) };
      void this.store.submit(this.lastAnswers);
    });
    return model;
  }
}
