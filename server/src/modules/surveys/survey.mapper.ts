import type { QuestionMapping, ResponseRecord, SurveyListItem, SurveyQuestionInfo, SurveyResponse } from '@tropa/contracts';
import type { QuestionMappingEntity } from './question-mapping.entity';
import type { SurveyResponseEntity } from './survey-response.entity';
import type { SurveyEntity } from './survey.entity';

export function toSurveyListItem(survey: SurveyEntity, responseCount: number): SurveyListItem {
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    language: survey.language,
    status: survey.status,
    publicToken: survey.publicToken,
    responseCount,
    createdAt: survey.createdAt.toISOString(),
    updatedAt: survey.updatedAt.toISOString(),
  };
}

export function toMapping(row: QuestionMappingEntity): QuestionMapping {
  return {
    questionName: row.questionName,
    stageId: row.stageId,
    touchpointId: row.touchpointId,
    personaAttribute: row.personaAttribute,
    metric: row.metric,
    jtbdPrompt: row.jtbdPrompt,
  };
}

export function toSurveyResponse(survey: SurveyEntity, responseCount: number, questions: SurveyQuestionInfo[], mappings: QuestionMappingEntity[]): SurveyResponse {
  return { ...toSurveyListItem(survey, responseCount), definition: survey.definition, questions, mappings: mappings.map(toMapping) };
}

export function toResponseRecord(row: SurveyResponseEntity): ResponseRecord {
  return {
    id: row.id,
    respondentKey: row.respondentKey,
    source: row.source,
    answers: row.answers,
    completed: row.completed,
    personaId: row.personaId,
    submittedAt: row.submittedAt.toISOString(),
    erasedAt: row.erasedAt?.toISOString() ?? null,
  };
}
