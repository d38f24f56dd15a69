import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  JobResponse,
  RunImportRequest,
  SurveyImportResponse,
} from '@tropa/contracts';
import { exhaustMap, takeWhile, timer } from 'rxjs';
import type { Subscription } from 'rxjs';
import { toApiError, toResult } from '../../core/http/api-error';
import { mappingFromTargets, targetsFromSuggestion } from '../model/import-targets';
import type { ColumnTarget } from '../model/import-targets';
import { ImportsApi } from './imports-api';

/** How often the job's progress is asked for. */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', { factory: () => 500 });

/** Where the wizard is: pick a file, map its columns (and check), import, see the result. */
export type ImportStep = 'upload' | 'mapping' | 'done';
export type ImportActivity = 'idle' | 'uploading' | 'checking' | 'importing';

interface ImportState {
  step: ImportStep;
  activity: ImportActivity;
  projectId: string;
  surveyId: string;
  record: SurveyImportResponse | null;
  targets: ColumnTarget[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
  job: JobResponse | null;
  error: ApiError | null;
}

const INITIAL: ImportState = {
  step: 'upload',
  activity: 'idle',
  projectId: '',
  surveyId: '',
  record: null,
  targets: [],
  respondentColumn: null,
  submittedAtColumn: null,
  job: null,
  error: null,
};

function isFinished(job: JobResponse): boolean {
  return job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';
}

/** Importing responses from another tool's CSV/XLSX: upload, column mapping, dry run, run with progress. */
@Injectable()
export class ImportStore {
  private readonly api = inject(ImportsApi);
  private readonly pollMs = inject(IMPORT_POLL_MS);
  private readonly state = signal<ImportState>(INITIAL);
  private polling: Subscription | null = null;

  readonly step = computed(() => this.state().step);
  readonly activity = computed(() => this.state().activity);
  readonly busy = computed(() => this.state().activity !== 'idle');
  readonly record = computed(() => this.state().record);
  readonly targets = computed(() => this.state().targets);
  readonly respondentColumn = computed(() => this.state().respondentColumn);
  readonly submittedAtColumn = computed(() => this.state().submittedAtColumn);
  readonly job = computed(() => this.state().job);
  readonly error = computed(() => this.state().error);
  readonly report = computed(() => this.state().record?.report ?? null);
  readonly isDuplicate = computed(() => Boolean(this.state().record?.duplicateOf));
  /** 0..100 for the progress bar. */
  readonly progress = computed(() => Math.round((this.state().job?.progress ?? 0) * 100));
  readonly mappedCount = computed(() => this.state().targets.filter((target) => target.question).length);

  open(projectId: string, surveyId: string): void {
    this.polling?.unsubscribe();
    this.state.set({ ...INITIAL, projectId, surveyId });
  }

  reset(): void {
    const { projectId, surveyId } = this.state();
    this.open(projectId, surveyId);
  }

  async upload(file: File): Promise<boolean> {
    const { projectId, surveyId } = this.state();
    this.state.update((state) => ({ ...state, activity: 'uploading', error: null }));
    const result = await toResult(this.api.upload(projectId, surveyId, file));
    if (!result.ok) {
      this.state.update((state) => ({ ...state, activity: 'idle', error: result.error }));
      return false;
    }
    this.state.update((state) => ({
      ...state,
      step: 'mapping',
      activity: 'idle',
      record: result.value,
      targets: targetsFromSuggestion(result.value),
      respondentColumn: result.value.respondentColumn,
      submittedAtColumn: result.value.submittedAtColumn,
    }));
    return true;
  }

  setTarget(position: number, target: ColumnTarget): void {
    this.state.update((state) => ({
      ...state,
      targets: state.targets.map((current, index) => (index === position ? target : current)),
    }));
  }

  setRespondentColumn(column: number | null): void {
    this.state.update((state) => ({ ...state, respondentColumn: column }));
  }

  setSubmittedAtColumn(column: number | null): void {
    this.state.update((state) => ({ ...state, submittedAtColumn: column }));
  }

  /** Dry run: every row checked, problems listed, nothing written. */
  check(): Promise<void> {
    return this.run(true, false);
  }

  /** The real import; `allowDuplicate` after the "same file imported before" warning. */
  importNow(allowDuplicate = false): Promise<void> {
    return this.run(false, allowDuplicate);
  }

  private async run(dryRun: boolean, allowDuplicate: boolean): Promise<void> {
    const { projectId, surveyId, record, targets, respondentColumn, submittedAtColumn } = this.state();
    if (!record) return;
    const request: RunImportRequest = {
      mapping: mappingFromTargets(record, targets),
      respondentColumn,
      submittedAtColumn,
      dryRun,
      ...(allowDuplicate ? { allowDuplicate: true } : {}),
    };
    this.state.update((state) => ({ ...state, activity: dryRun ? 'checking' : 'importing', error: null, job: null }));
    const result = await toResult(this.api.run(projectId, surveyId, record.id, request));
    if (!result.ok) {
      this.state.update((state) => ({ ...state, activity: 'idle', error: result.error }));
      return;
    }
    this.state.update((state) => ({ ...state, record: result.value.import, job: result.value.job }));
    const job = await this.follow(projectId, result.value.job);
    const refreshed = await toResult(this.api.get(projectId, surveyId, record.id));
    this.state.update((state) => ({
      ...state,
      activity: 'idle',
      job,
      record: refreshed.ok ? refreshed.value : state.record,
      error: refreshed.ok ? (job.status === 'failed' ? this.jobError(job) : null) : refreshed.error,
      step: !dryRun && job.status === 'succeeded' ? 'done' : state.step,
    }));
  }

  /** Polls the job until it finishes, showing its progress. */
  private follow(projectId: string, job: JobResponse): Promise<JobResponse> {
    if (isFinished(job)) return Promise.resolve(job);
    return new Promise((resolve) => {
      let last = job;
      this.polling?.unsubscribe();
      this.polling = timer(this.pollMs, this.pollMs)
        .pipe(
          // A slow answer is waited for, not cancelled by the next tick.
          exhaustMap(() => this.api.job(projectId, job.id)),
          takeWhile((current) => !isFinished(current), true),
        )
        .subscribe({
          next: (current) => {
            last = current;
            this.state.update((state) => ({ ...state, job: current }));
          },
          error: (error: unknown) => {
            this.state.update((state) => ({ ...state, error: toApiError(error) }));
            resolve({ ...last, status: 'failed', error: toApiError(error).message });
          },
          complete: () => resolve(last),
        });
    });
  }

  private jobError(job: JobResponse): ApiError {
    return { statusCode: 500, error: 'Import failed', message: job.error ?? '' };
  }
}
