import type { StartSynthesisRequest } from '@tropa/contracts';

/** The run options form as the user filled it in. */
export interface StartOptions {
  kMode: 'auto' | 'exact';
  k: number | null;
  personaId: string;
  sessionId: string;
  surveyId: string;
  from: string;
  to: string;
}

export const DEFAULT_START_OPTIONS: StartOptions = {
  kMode: 'auto',
  k: null,
  personaId: '',
  sessionId: '',
  surveyId: '',
  from: '',
  to: '',
};

/** The request body: empty filters left out, `k` only when an exact number was asked for. */
export function toStartRequest(options: StartOptions): StartSynthesisRequest {
  const request: StartSynthesisRequest = {};
  if (options.kMode === 'exact' && options.k !== null && Number.isInteger(options.k) && options.k > 0) {
    request.k = options.k;
  }
  if (options.personaId) request.personaId = options.personaId;
  if (options.sessionId) request.sessionId = options.sessionId;
  if (options.surveyId) request.surveyId = options.surveyId;
  if (options.from) request.from = options.from;
  if (options.to) request.to = options.to;
  return request;
}
