import type { QuestionMapping, SurveyQuestionInfo } from '@tropa/contracts';
import { isOpenQuestion } from './survey-definition';

/** One editable mapping row per question of the saved survey, in question order. */
export function mappingDrafts(questions: SurveyQuestionInfo[], mappings: QuestionMapping[]): QuestionMapping[] {
  const byName = new Map(mappings.map((mapping) => [mapping.questionName, mapping]));
  return questions.map((question) => {
    const saved = byName.get(question.name);
    return {
      questionName: question.name,
      stageId: saved?.stageId ?? null,
      touchpointId: saved?.touchpointId ?? null,
      personaAttribute: saved?.personaAttribute ?? null,
      metric: saved?.metric ?? null,
      jtbdPrompt: isOpenQuestion(question.type) ? (saved?.jtbdPrompt ?? false) : false,
    };
  });
}

/** The rows to send: empty persona attributes as null, JTBD only for open questions. */
export function mappingsToSave(questions: SurveyQuestionInfo[], drafts: QuestionMapping[]): QuestionMapping[] {
  const types = new Map(questions.map((question) => [question.name, question.type]));
  return drafts
    .filter((draft) => types.has(draft.questionName))
    .map((draft) => {
      const type = types.get(draft.questionName);
      return {
        ...draft,
        personaAttribute: draft.personaAttribute?.trim() || null,
        jtbdPrompt: type !== undefined && isOpenQuestion(type) ? draft.jtbdPrompt : false,
      };
    });
}
