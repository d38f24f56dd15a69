import { Injectable, computed, inject, signal } from '@angular/core';
import type { AnswerValue, ApiError, FieldError, PublicSurveyResponse } from '@tropa/contracts';
import { toResult } from '../../core/http/api-error';
import { PublicSurveysApi } from './public-surveys-api';
import { RespondentKey } from './respondent-key';

/**
 * The respondent page's states: loading the survey, answering, sending, thanked, and the
 * ends a link can come to (already answered, closed, unknown) or a failure to retry.
 */
export type RespondentPhase =
  | 'loading'
  | 'answering'
  | 'submitting'
  | 'thanks'
  | 'alreadyAnswered'
  | 'closed'
  | 'notFound'
  | 'invalid'
  | 'error';

interface RespondentState {
  phase: RespondentPhase;
  survey: PublicSurveyResponse | null;
  error: ApiError | null;
}

@Injectable()
export class RespondentStore {
  private readonly api = inject(PublicSurveysApi);
  private readonly key = inject(RespondentKey);
  private readonly state = signal<RespondentState>({ phase: 'loading', survey: null, error: null });
  private token = '';

  readonly phase = computed(() => this.state().phase);
  readonly survey = computed(() => this.state().survey);
  readonly error = computed(() => this.state().error);
  /** Per-answer problems of a refused submission (400). */
  readonly fieldErrors = computed<FieldError[]>(() => this.state().error?.details ?? []);

  async open(token: string): Promise<void> {
    this.token = token;
    this.state.set({ phase: 'loading', survey: null, error: null });
    const result = await toResult(this.api.get(token));
    if (!result.ok) {
      this.state.set({ phase: this.phaseOf(result.error), survey: null, error: result.error });
      return;
    }
    const survey = result.value;
    const phase: RespondentPhase =
      survey.status === 'closed' ? 'closed' : this.key.hasAnswered(token) ? 'alreadyAnswered' : 'answering';
    this.state.set({ phase, survey, error: null });
  }

  async submit(answers: Record<string, AnswerValue>): Promise<RespondentPhase> {
    this.state.update((state) => ({ ...state, phase: 'submitting', error: null }));
    const result = await toResult(this.api.submit(this.token, { respondentKey: this.key.get(), answers }));
    if (result.ok) {
      this.key.markAnswered(this.token);
      this.state.update((state) => ({ ...state, phase: 'thanks' }));
      return 'thanks';
    }
    const phase = this.phaseOf(result.error);
    if (phase === 'alreadyAnswered') {
      this.key.markAnswered(this.token);
    }
    this.state.update((state) => ({ ...state, phase, error: result.error }));
    return phase;
  }

  /** Back to the form after a refused submission, answers kept. */
  resume(): void {
    this.state.update((state) => ({ ...state, phase: 'answering' }));
  }

  private phaseOf(error: ApiError): RespondentPhase {
    switch (error.statusCode) {
      case 404:
        return 'notFound';
      case 409:
        return 'alreadyAnswered';
      case 410:
        return 'closed';
      case 400:
        return 'invalid';
      default:
        return 'error';
    }
  }
}

