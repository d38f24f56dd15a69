import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';
import type { QuoteEntity } from '../quotes/quote.entity';
import type { QuestionMappingEntity } from './question-mapping.entity';

/**
 * Every non-empty answer to an open question becomes a quote: the same kind of
 * evidence as a transcript highlight, with the stage and touchpoint of its question.
 */
export function openAnswerQuotes(
  response: { id: string; surveyId: string; projectId: string; respondentKey: string; answers: Record<string, AnswerValue> },
  questions: SurveyQuestionInfo[],
  mappings: Map<string, QuestionMappingEntity>,
): Array<Partial<QuoteEntity>> {
  const quotes: Array<Partial<QuoteEntity>> = [];
  for (const question of questions) {
    if (question.type !== 'text' && question.type !== 'comment') continue;
    const answer = response.answers[question.name];
    if (typeof answer !== 'string' || answer.trim().length === 0) continue;
    const mapping = mappings.get(question.name);
    quotes.push({
      projectId: response.projectId,
      sourceType: 'survey_answer',
      surveyId: response.surveyId,
      responseId: response.id,
      questionName: question.name,
      startOffset: 0,
      endOffset: answer.length,
      text: answer,
      stageId: mapping?.stageId ?? null,
      touchpointId: mapping?.touchpointId ?? null,
      participantKey: response.respondentKey,
      sentiment: null,
    });
  }
  return quotes;
}
