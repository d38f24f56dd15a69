import type { ImportColumnTarget, SurveyImportResponse } from '@tropa/contracts';

/** One file column's target in the mapping screen; an empty question means "ignored". */
export interface ColumnTarget {
  question: string;
  choice: string;
}

/** Targets per column from the server's suggestion (columns it did not place are ignored). */
export function targetsFromSuggestion(record: SurveyImportResponse): ColumnTarget[] {
  const byColumn = new Map(record.suggestedMapping.map((target) => [target.column, target]));
  return record.columns.map((column) => {
    const suggested = byColumn.get(column.index);
    return { question: suggested?.question ?? '', choice: suggested?.choice ?? '' };
  });
}

/** The wizard's state as the run request's mapping: one target per mapped column. */
export function mappingFromTargets(record: SurveyImportResponse, targets: ColumnTarget[]): ImportColumnTarget[] {
  return record.columns.flatMap((column, position): ImportColumnTarget[] => {
    const target = targets[position];
    if (!target?.question) return [];
    return [{ column: column.index, question: target.question, ...(target.choice ? { choice: target.choice } : {}) }];
  });
}
