import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  QuestionMapping,
  SurveyResponse,
  SurveyStatus,
  UpdateSurveyRequest,
} from '@tropa/contracts';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SurveysApi } from './surveys-api';

interface SurveyState {
  status: LoadStatus;
  projectId: string;
  survey: SurveyResponse | null;
  error: ApiError | null;
}

const NOT_LOADED: ApiError = { statusCode: 0, error: 'Error', message: '' };

/** The open survey: its definition, questions, mappings and status, and the writes on them. */
@Injectable()
export class SurveyStore {
  private readonly api = inject(SurveysApi);
  private readonly state = signal<SurveyState>({ status: 'idle', projectId: '', survey: null, error: null });
  private inFlight: Subscription | null = null;

  readonly status = computed(() => this.state().status);
  readonly survey = computed(() => this.state().survey);
  readonly error = computed(() => this.state().error);
  readonly projectId = computed(() => this.state().projectId);
  readonly questions = computed(() => this.state().survey?.questions ?? []);
  readonly isClosed = computed(() => this.state().survey?.status === 'closed');

  load(projectId: string, surveyId: string): void {
    const same = this.state().survey?.id === surveyId;
    this.state.update((state) => ({
      status: 'loading',
      projectId,
      survey: same ? state.survey : null,
      error: null,
    }));
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.get(projectId, surveyId).subscribe({
      next: (survey) => this.state.set({ status: 'ready', projectId, survey, error: null }),
      error: (error: unknown) => this.state.set({ status: 'error', projectId, survey: null, error: toApiError(error) }),
    });
  }

  /** Title, description, language and definition; the server answers 400 with the path at fault. */
  update(request: UpdateSurveyRequest): Promise<Result<SurveyResponse>> {
    return this.write((projectId, surveyId) => this.api.update(projectId, surveyId, request));
  }

  /** `open` creates the public link; back to `draft` is refused once there are responses. */
  setStatus(status: SurveyStatus): Promise<Result<SurveyResponse>> {
    return this.write((projectId, surveyId) => this.api.update(projectId, surveyId, { status }));
  }

  saveMappings(mappings: QuestionMapping[]): Promise<Result<SurveyResponse>> {
    return this.write((projectId, surveyId) => this.api.updateMappings(projectId, surveyId, { mappings }));
  }

  async remove(): Promise<Result<void>> {
    const { projectId, survey } = this.state();
    if (!survey) {
      return { ok: false, error: NOT_LOADED };
    }
    return toResult(this.api.remove(projectId, survey.id));
  }

  private async write(
    send: (projectId: string, surveyId: string) => ReturnType<SurveysApi['update']>,
  ): Promise<Result<SurveyResponse>> {
    const { projectId, survey } = this.state();
    if (!survey) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(send(projectId, survey.id));
    if (result.ok) {
      this.state.update((state) => ({ ...state, survey: result.value }));
    }
    return result;
  }
}
