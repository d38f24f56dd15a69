import { Injectable, computed, inject, signal } from '@angular/core';
import type { AgreementResponse, ApiError, Disagreement } from '@tropa/contracts';
import type { Subscription } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toApiError, toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { SessionsApi } from './sessions-api';

interface AgreementState {
  status: LoadStatus;
  report: AgreementResponse | null;
  error: ApiError | null;
}

const NOT_LOADED: ApiError = { statusCode: 0, error: 'Error', message: '' };

/** Two coders' agreement on one session, and settling their disagreements one tag at a time. */
@Injectable()
export class AgreementStore {
  private readonly api = inject(SessionsApi);
  private readonly state = signal<AgreementState>({ status: 'idle', report: null, error: null });
  private inFlight: Subscription | null = null;
  private projectId = '';
  private sessionId = '';

  readonly status = computed(() => this.state().status);
  readonly report = computed(() => this.state().report);
  readonly error = computed(() => this.state().error);

  compare(projectId: string, sessionId: string, coderA: string, coderB: string): void {
    this.projectId = projectId;
    this.sessionId = sessionId;
    this.state.set({ status: 'loading', report: null, error: null });
    this.inFlight?.unsubscribe();
    this.inFlight = this.api.agreement(projectId, sessionId, coderA, coderB).subscribe({
      next: (report) => this.state.set({ status: 'ready', report, error: null }),
      error: (error: unknown) => this.state.set({ status: 'error', report: null, error: toApiError(error) }),
    });
  }

  /**
   * Keep (both coders apply the tag there) or drop (neither does). The report names tags in its
   * disagreements; their ids come from its per-tag table.
   */
  async settle(disagreement: Disagreement, tagName: string, decision: 'keep' | 'drop'): Promise<Result<AgreementResponse>> {
    const report = this.state().report;
    const tagId = report?.tags.find((tag) => tag.tagName === tagName)?.tagId;
    if (!report || !tagId) {
      return { ok: false, error: NOT_LOADED };
    }
    const result = await toResult(
      this.api.settle(this.projectId, this.sessionId, {
        coderA: report.coderA,
        coderB: report.coderB,
        utteranceId: disagreement.utteranceId,
        tagId,
        decision,
      }),
    );
    if (result.ok) {
      this.state.set({ status: 'ready', report: result.value, error: null });
    }
    return result;
  }
}
