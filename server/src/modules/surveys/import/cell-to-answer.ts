import type { AnswerValue, SurveyQuestionInfo } from '@tropa/contracts';

/** Where one file column goes: a question, and for list or matrix questions the choice or row it holds. */
export interface ColumnTarget {
  column: number;
  question: string;
  /** For a checkbox question exported one column per option (SurveyMonkey), the option; for a matrix, the row. */
  choice?: string;
}

const YES = new Set(['yes', 'y', 'true', '1', 'да', 'д', 'верно', 'checked', 'x', '✓']);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'неверно', 'unchecked']);

export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.,:;!?«»"'()[\]]/g, '')
    .trim();
}

/** Normalised value and label → choice value, built once per question (an import asks it for every cell). */
const choiceIndexes = new WeakMap<SurveyQuestionInfo['choices'], Map<string, string>>();

function choiceIndex(choices: SurveyQuestionInfo['choices']): Map<string, string> {
  let index = choiceIndexes.get(choices);
  if (!index) {
    index = new Map();
    // The first choice that matches wins, as a search in order would find it.
    for (const choice of choices) {
      for (const label of [normaliseLabel(choice.value), normaliseLabel(choice.text)]) {
        if (!index.has(label)) index.set(label, choice.value);
      }
    }
    choiceIndexes.set(choices, index);
  }
  return index;
}

/** The choice value a cell names, by value or by its label in any letter case. */
export function matchChoice(question: Pick<SurveyQuestionInfo, 'choices'>, cell: string): string | null {
  const wanted = normaliseLabel(cell);
  if (!wanted) return null;
  return choiceIndex(question.choices).get(wanted) ?? null;
}

export type CellResult = { value: AnswerValue } | { error: string } | { empty: true };

function splitList(cell: string): string[] {
  // Google Forms joins options with ", ", Typeform with ", ", Qualtrics with ","; some use ";".
  return cell
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Converts one cell of a file into the answer the question expects, or says why it cannot. */
export function cellToAnswer(question: SurveyQuestionInfo, cell: string, target: ColumnTarget): CellResult {
  const text = cell.trim();
  if (!text) return { empty: true };
  switch (question.type) {
    case 'text':
    case 'comment':
      return { value: text };
    case 'radiogroup':
    case 'dropdown': {
      const value = matchChoice(question, text);
      return value === null ? { error: `"${text}" is not one of the choices` } : { value };
    }
    case 'checkbox': {
      if (target.choice !== undefined) {
        // One column per option: any non-empty mark other than an explicit "no" means chosen.
        return NO.has(normaliseLabel(text)) ? { empty: true } : { value: [target.choice] };
      }
      const values: string[] = [];
      for (const part of splitList(text)) {
        const value = matchChoice(question, part);
        if (value === null) return { error: `"${part}" is not one of the choices` };
        if (!values.includes(value)) values.push(value);
      }
      return { value: values };
    }
    case 'rating': {
      const number = Number(text.replace(',', '.').match(/^-?\d+([.]\d+)?/)?.[0]);
      if (!Number.isFinite(number) || !Number.isInteger(number) || number < (question.rateMin ?? 1) || number > (question.rateMax ?? 5)) {
        return { error: `"${text}" is not a whole number from ${question.rateMin} to ${question.rateMax}` };
      }
      return { value: number };
    }
    case 'boolean': {
      const label = normaliseLabel(text);
      const matched = matchChoice(question, text);
      if (YES.has(label) || matched === 'true') return { value: true };
      if (NO.has(label) || matched === 'false') return { value: false };
      return { error: `"${text}" is neither yes nor no` };
    }
    case 'matrix': {
      if (target.choice === undefined) return { error: 'a matrix question needs one column per row' };
      const value = matchChoice(question, text);
      return value === null ? { error: `"${text}" is not one of the columns` } : { value: { [target.choice]: value } };
    }
  }
}

/** Folds a row's cells into answers: list and matrix columns of one question merge. */
export function mergeAnswer(answers: Record<string, AnswerValue>, question: SurveyQuestionInfo, value: AnswerValue): void {
  const existing = answers[question.name];
  if (question.type === 'checkbox' && Array.isArray(existing) && Array.isArray(value)) {
    answers[question.name] = [...new Set([...existing, ...value])];
  } else if (question.type === 'matrix' && existing && typeof existing === 'object' && !Array.isArray(existing) && typeof value === 'object' && !Array.isArray(value)) {
    answers[question.name] = { ...existing, ...value };
  } else {
    answers[question.name] = value;
  }
}
