import type { ColumnRole } from './response-table.types';
import { titleSimilarity } from './title-similarity';

export interface MappableColumn {
  index: number;
  key: string;
  title: string;
  role?: ColumnRole;
}

export interface SurveyQuestionRef {
  /** The SurveyJS question name. */
  name: string;
  title: string;
}

export interface ColumnMappingSuggestion {
  columnIndex: number;
  columnKey: string;
  questionName: string;
  /** Confidence in [0, 1]. */
  score: number;
}

/** Suggestions below this score are not made. */
export const MAPPING_THRESHOLD = 0.5;

/**
 * Proposes, for each answer column (metadata columns are skipped), the question it most likely
 * holds. A column key equal to the question name scores 1 (Qualtrics `Q1`), a sub-column of it
 * (`Q1_2`, `Q1_TEXT`) 0.9; otherwise the best `titleSimilarity` between the question title and
 * the column title, or its part before " — " (SurveyMonkey "Question — Option"). Several columns
 * may map to one question (checkbox and matrix questions export one column per option). The
 * result is a proposal for the researcher to confirm, ordered by column.
 */
export function suggestColumnMapping(columns: MappableColumn[], questions: SurveyQuestionRef[]): ColumnMappingSuggestion[] {
  const suggestions: ColumnMappingSuggestion[] = [];
  for (const column of columns) {
    if (column.role === 'metadata') continue;
    let best: ColumnMappingSuggestion | null = null;
    for (const question of questions) {
      const score = columnScore(column, question);
      if (score >= MAPPING_THRESHOLD && (best === null || score > best.score)) {
        best = { columnIndex: column.index, columnKey: column.key, questionName: question.name, score: Math.round(score * 1000) / 1000 };
      }
    }
    if (best) suggestions.push(best);
  }
  return suggestions.sort((a, b) => a.columnIndex - b.columnIndex);
}

function columnScore(column: MappableColumn, question: SurveyQuestionRef): number {
  const key = column.key.toLowerCase();
  const name = question.name.toLowerCase();
  if (key === name) return 1;
  if (key.startsWith(`${name}_`)) return 0.9;
  const questionPart = column.title.split(' — ')[0];
  return Math.max(titleSimilarity(column.title, question.title), titleSimilarity(questionPart, question.title), titleSimilarity(column.title, question.name));
}
