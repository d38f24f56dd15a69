import type { SurveyQuestionInfo } from '@tropa/contracts';

/** A question as the server reads it from a definition; override what the test is about. */
export function questionInfo(patch: Partial<SurveyQuestionInfo>): SurveyQuestionInfo {
  return { name: 'q', title: 'Q', type: 'text', required: false, choices: [], rateMin: null, rateMax: null, rows: [], page: 0, ...patch };
}
