import type { FieldError, ImportColumn, ImportColumnTarget, SurveyQuestionInfo } from '@tropa/contracts';
import { matchChoice, normaliseLabel } from './cell-to-answer';

const MULTI_COLUMN_TYPES = new Set(['checkbox', 'matrix']);

/**
 * A mapping is usable when every column exists, every question exists, and no
 * question receives two columns — except list and matrix questions whose columns
 * each carry a different option or row (SurveyMonkey exports them that way).
 */
export function validateMapping(mapping: ImportColumnTarget[], columns: ImportColumn[], questions: SurveyQuestionInfo[]): FieldError[] {
  const problems: FieldError[] = [];
  const byName = new Map(questions.map((question) => [question.name, question]));
  const usedColumns = new Set<number>();
  const usedTargets = new Set<string>();
  mapping.forEach((target, index) => {
    const at = `mapping[${index}]`;
    const question = byName.get(target.question);
    if (!Number.isInteger(target.column) || target.column < 0 || target.column >= columns.length) {
      problems.push({ field: `${at}.column`, message: `column must be from 0 to ${columns.length - 1}` });
      return;
    }
    if (usedColumns.has(target.column)) problems.push({ field: `${at}.column`, message: `column ${target.column} is mapped twice` });
    usedColumns.add(target.column);
    if (!question) {
      problems.push({ field: `${at}.question`, message: `"${target.question}" is not a question of this survey` });
      return;
    }
    if (target.choice !== undefined) {
      if (!MULTI_COLUMN_TYPES.has(question.type)) problems.push({ field: `${at}.choice`, message: 'only list and matrix questions take one column per option or row' });
      const options = question.type === 'matrix' ? question.rows : question.choices;
      if (!options.some((option) => option.value === target.choice)) problems.push({ field: `${at}.choice`, message: `"${target.choice}" is not an option of "${question.name}"` });
    } else if (question.type === 'matrix') {
      problems.push({ field: `${at}.choice`, message: 'a matrix question needs the row each column holds' });
    }
    const key = `${question.name}\u0000${target.choice ?? ''}`;
    const wholeTaken = usedTargets.has(`${question.name}\u0000`);
    if (usedTargets.has(key) || (target.choice === undefined && [...usedTargets].some((used) => used.startsWith(`${question.name}\u0000`))) || (target.choice !== undefined && wholeTaken)) {
      problems.push({ field: `${at}.question`, message: `two columns point to question "${question.name}"` });
    }
    usedTargets.add(key);
  });
  return problems;
}

/** Words of a title; one-letter words ("в", "a") say nothing, but a number tells "Оценка 2" from "Оценка 1". */
function words(text: string): Set<string> {
  return new Set(normaliseLabel(text).split(' ').filter((word) => word.length > 1 || /\d/.test(word)));
}

function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (!left.size || !right.size) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / Math.max(left.size, right.size);
}

/** "Question — Option", "Question - Option", "Question: Option", "Question [Option]". */
function splitOption(title: string): { stem: string; option: string } | null {
  const bracket = title.match(/^(.*\S)\s*\[(.+)\]\s*$/);
  if (bracket) return { stem: bracket[1], option: bracket[2] };
  const separated = title.match(/^(.*\S)\s+(?:—|–|-|:)\s+(.+)$/) ?? title.match(/^(.*\S):\s*(.+)$/);
  return separated ? { stem: separated[1], option: separated[2] } : null;
}

const MIN_SIMILARITY = 0.6;

/**
 * Proposes a column → question mapping by title similarity (RU/EN, case and punctuation ignored).
 * Every (column, question) pair that looks alike is a candidate; the most alike pairs are taken
 * first, so a column never loses its own question to a column that only resembles it, and a
 * column whose best question went to a closer column still gets its next best.
 */
export function suggestMapping(columns: ImportColumn[], questions: SurveyQuestionInfo[], skip: Array<number | null>): ImportColumnTarget[] {
  const candidates: Array<{ target: ImportColumnTarget; score: number; order: number }> = [];
  for (const column of columns) {
    if (skip.includes(column.index)) continue;
    questions.forEach((question, order) => {
      const direct = Math.max(similarity(column.title, question.title), similarity(column.title, question.name));
      if (direct >= MIN_SIMILARITY) candidates.push({ target: { column: column.index, question: question.name }, score: direct, order });
      const split = MULTI_COLUMN_TYPES.has(question.type) ? splitOption(column.title) : null;
      if (!split) return;
      const stemScore = similarity(split.stem, question.title);
      const options = question.type === 'matrix' ? { ...question, choices: question.rows } : question;
      const choice = matchChoice(options, split.option);
      // An option column beats the whole question of the same title.
      if (choice !== null && stemScore >= MIN_SIMILARITY) candidates.push({ target: { column: column.index, question: question.name, choice }, score: stemScore + 0.01, order });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.target.column - b.target.column || a.order - b.order);
  const mappedColumns = new Set<number>();
  const taken = new Set<string>();
  const suggestions: ImportColumnTarget[] = [];
  for (const { target } of candidates) {
    const key = `${target.question}\u0000${target.choice ?? ''}`;
    const partTaken = [...taken].some((used) => used.startsWith(`${target.question}\u0000`));
    const wholeTaken = taken.has(`${target.question}\u0000`);
    if (mappedColumns.has(target.column) || taken.has(key) || (target.choice === undefined ? partTaken : wholeTaken)) continue;
    mappedColumns.add(target.column);
    taken.add(key);
    suggestions.push(target);
  }
  return suggestions.sort((a, b) => a.column - b.column);
}
