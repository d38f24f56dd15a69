import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';

export interface AnsweredQuestion {
  name: string;
  title: string;
  /** The answer as plain text (choice texts, "Yes"/"No", "row: column" lines); null when unanswered. */
  text: string | null;
}

function choiceText(question: SurveyQuestionInfo | undefined, value: string): string {
  return question?.choices.find((item) => item.value === value)?.text ?? value;
}

/** One answer as text for reading; never HTML. */
export function answerText(
  question: SurveyQuestionInfo | undefined,
  value: AnswerValue | undefined,
  yesNo: { yes: string; no: string },
): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.length ? value.map((item) => choiceText(question, String(item))).join(', ') : null;
  if (typeof value === 'object') {
    const rows = new Map((question?.rows ?? []).map((row) => [row.value, row.text]));
    const lines = Object.entries(value).map(([row, column]) => `${rows.get(row) ?? row}: ${choiceText(question, String(column))}`);
    return lines.length ? lines.join('\n') : null;
  }
  if (question?.type === 'rating') return String(value);
  return choiceText(question, String(value));
}

/** Every question of the survey with this response's answer, in question order; answers to unknown questions last. */
export function answeredQuestions(
  questions: SurveyQuestionInfo[],
  answers: Record<string, AnswerValue>,
  yesNo: { yes: string; no: string },
): AnsweredQuestion[] {
  const known = new Set(questions.map((question) => question.name));
  return [
    ...questions.map((question) => ({
      name: question.name,
      title: question.title,
      text: answerText(question, answers[question.name], yesNo),
    })),
    ...Object.entries(answers)
      .filter(([name]) => !known.has(name))
      .map(([name, value]) => ({ name, title: name, text: answerText(undefined, value, yesNo) })),
  ];
}
