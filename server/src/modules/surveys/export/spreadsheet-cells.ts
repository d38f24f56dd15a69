import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';

/** Characters that make spreadsheet software read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet will show as text, never run as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function labelOf(question: SurveyQuestionInfo, value: string): string {
  return question.choices.find((choice) => choice.value === value)?.text ?? value;
}

/** One cell per question: lists joined with "; ", matrix rows as "row: column". */
export function answerCell(question: SurveyQuestionInfo, value: AnswerValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  switch (question.type) {
    case 'rating':
      return typeof value === 'number' ? value : String(value);
    case 'boolean':
      return labelOf(question, String(value));
    case 'checkbox':
      return Array.isArray(value) ? value.map((item) => labelOf(question, String(item))).join('; ') : String(value);
    case 'radiogroup':
    case 'dropdown':
      return labelOf(question, String(value));
    case 'matrix':
      if (typeof value !== 'object' || Array.isArray(value)) return String(value);
      return question.rows
        .filter((row) => (value as Record<string, string>)[row.value] !== undefined)
        .map((row) => `${row.text}: ${labelOf(question, String((value as Record<string, string>)[row.value]))}`)
        .join('; ');
    case 'text':
    case 'comment':
      return typeof value === 'number' ? value : String(value);
  }
}
