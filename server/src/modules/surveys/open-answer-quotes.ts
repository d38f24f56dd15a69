import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';
import type { QuestionMappingEntity } from './question-mapping.entity';

/** An open answer that becomes a quote: the whole answer, with its question's stage and touchpoint. */
export interface OpenAnswer {
  questionName: string;
  text: string;
  stageId: string | null;
  touchpointId: string | null;
}

/**
 * Every non-empty answer to an open question becomes a quote: the same kind of
 * evidence as a transcript highlight.
 */
export function openAnswers(answers: Record<string, AnswerValue>, questions: SurveyQuestionInfo[], mappings: Map<string, QuestionMappingEntity>): OpenAnswer[] {
  const found: OpenAnswer[] = [];
  for (const question of questions) {
    if (question.type !== 'text' && question.type !== 'comment') continue;
    const answer = answers[question.name];
    if (typeof answer !== 'string' || answer.trim().length === 0) continue;
    const mapping = mappings.get(question.name);
    found.push({ questionName: question.name, text: answer, stageId: mapping?.stageId ?? null, touchpointId: mapping?.touchpointId ?? null });
  }
  return found;
}

/** Columns of `quotes` filled from open answers, as parallel arrays for `unnest`. */
export function openAnswerArrays(rows: Array<{ responseId?: string; respondentKey: string; answers: OpenAnswer[] }>) {
  const flat = rows.flatMap((row) => row.answers.map((answer) => ({ ...answer, responseId: row.responseId ?? null, respondentKey: row.respondentKey })));
  return {
    responseIds: flat.map((item) => item.responseId),
    questionNames: flat.map((item) => item.questionName),
    endOffsets: flat.map((item) => item.text.length),
    texts: flat.map((item) => item.text),
    stageIds: flat.map((item) => item.stageId),
    touchpointIds: flat.map((item) => item.touchpointId),
    participantKeys: flat.map((item) => item.respondentKey),
  };
}
