import type { AnswerValue, FieldError, SurveyDefinition, SurveyQuestionInfo } from '@tropa/contracts';
import { Model } from 'survey-core';

export const MAX_TEXT_ANSWER = 10_000;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

function checkValue(question: SurveyQuestionInfo, value: unknown): string | null {
  const choices = new Set(question.choices.map((choice) => choice.value));
  switch (question.type) {
    case 'text':
    case 'comment':
      if (typeof value === 'number' && question.type === 'text') return null;
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_TEXT_ANSWER ? `must be at most ${MAX_TEXT_ANSWER} characters` : null;
    case 'radiogroup':
    case 'dropdown':
      return (typeof value === 'string' || typeof value === 'number') && choices.has(String(value)) ? null : 'must be one of the question’s choices';
    case 'checkbox':
      if (!Array.isArray(value)) return 'must be a list of the question’s choices';
      return value.every((item) => (typeof item === 'string' || typeof item === 'number') && choices.has(String(item))) && new Set(value).size === value.length
        ? null
        : 'must list only the question’s choices, each once';
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= (question.rateMin ?? 1) && value <= (question.rateMax ?? 5)
        ? null
        : `must be a whole number from ${question.rateMin} to ${question.rateMax}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must map rows to columns';
      const rows = new Set(question.rows.map((row) => row.value));
      return Object.entries(value).every(([row, column]) => rows.has(row) && (typeof column === 'string' || typeof column === 'number') && choices.has(String(column)))
        ? null
        : 'must map the question’s rows to its columns';
    }
  }
}

/**
 * Checks answers against the definition: every answer names a question and has a
 * value of its type; every visible required question is answered. Visibility
 * conditions are evaluated by SurveyJS itself, only when the definition has any
 * (`conditional`) and a required question is unanswered.
 */
export function validateAnswers(definition: SurveyDefinition, questions: SurveyQuestionInfo[], answers: Record<string, unknown>, conditional = true): FieldError[] {
  const problems: FieldError[] = [];
  const byName = new Map(questions.map((question) => [question.name, question]));
  for (const [name, value] of Object.entries(answers)) {
    const question = byName.get(name);
    if (!question) {
      problems.push({ field: `answers.${name}`, message: 'is not a question of this survey' });
      continue;
    }
    if (isEmpty(value)) continue;
    const problem = checkValue(question, value);
    if (problem) problems.push({ field: `answers.${name}`, message: problem });
  }
  if (problems.length) return problems;
  const unanswered = questions.filter((question) => question.required && isEmpty(answers[question.name]));
  if (!unanswered.length) return problems;
  let model: Model | null = null;
  for (const question of unanswered) {
    if (conditional) {
      if (!model) {
        model = new Model(definition);
        model.data = answers;
      }
      const live = model.getQuestionByName(question.name);
      if (!live || !live.isVisible || !live.isParentVisible) continue;
    }
    problems.push({ field: `answers.${question.name}`, message: 'is required' });
  }
  return problems;
}

/** Drops empty answers so that stored JSON holds only what the respondent said. */
export function compactAnswers(answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => !isEmpty(value)));
}
