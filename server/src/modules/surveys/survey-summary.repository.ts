import { Injectable } from '@nestjs/common';
import { type ChoiceCount, type QuestionSummary, SUMMARY_LATEST_ANSWERS, type SurveyQuestionInfo, type SurveySummaryResponse } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import type { QuestionMappingEntity } from './question-mapping.entity';

interface CountRow {
  question: string;
  row: string | null;
  value: string;
  count: number;
}

function countsInOrder(question: SurveyQuestionInfo, counted: Map<string, number>): ChoiceCount[] {
  return question.choices.map((choice) => ({ value: choice.value, text: choice.text, count: counted.get(choice.value) ?? 0 }));
}

/** A column the grouped scan counts values of: a choice question, or one row of a matrix. */
interface GroupedColumn {
  question: string;
  row: string | null;
}

/** Columns per grouped statement: two output columns each stay under PostgreSQL's 1,664, and the sets under its 4,096. */
const COLUMNS_PER_SCAN = 400;

/** JSON values counted as one answer (an object or an array is not a choice). */
const SINGLE_VALUE = `('string', 'number', 'boolean')`;

/**
 * Per-question aggregates computed in PostgreSQL, each statement one scan of the survey's
 * responses whatever their number, the statements in parallel: totals and answered counts;
 * value counts of every choice question and matrix row (one grouping set each, so no answer
 * is expanded into rows); the options chosen in list questions; the latest open answers.
 */
@Injectable()
export class SurveySummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summarise(surveyId: string, questions: SurveyQuestionInfo[], mappings: Map<string, QuestionMappingEntity>): Promise<SurveySummaryResponse> {
    const scalar = questions.filter((q) => ['radiogroup', 'dropdown', 'rating', 'boolean'].includes(q.type));
    const lists = questions.filter((q) => q.type === 'checkbox').map((q) => q.name);
    const open = questions.filter((q) => q.type === 'text' || q.type === 'comment').map((q) => q.name);
    const grouped: GroupedColumn[] = [
      ...scalar.map((q) => ({ question: q.name, row: null })),
      ...questions.filter((q) => q.type === 'matrix').flatMap((q) => q.rows.map((row) => ({ question: q.name, row: row.value }))),
    ];
    const [totals, groupedRows, listRows, latestRows] = await Promise.all([
      this.totals(surveyId, questions),
      this.groupedCounts(surveyId, grouped),
      lists.length ? this.listCounts(surveyId, lists) : Promise.resolve([]),
      open.length ? this.latest(surveyId, open) : Promise.resolve([]),
    ]);
    const rows = [...groupedRows, ...listRows];
    return {
      responses: totals.responses,
      completed: totals.completed,
      questions: questions.map((question) => ({
        ...this.summariseQuestion(question, rows, totals.answered.get(question.name) ?? 0, mappings.get(question.name)),
        latest: open.includes(question.name) ? latestRows.filter((row) => row.question === question.name).map((row) => row.text) : null,
      })),
    };
  }

  /** Responses and completed ones (erased respondents are not counted: they would only dilute the rates), and answers per question. */
  private async totals(surveyId: string, questions: SurveyQuestionInfo[]): Promise<{ responses: number; completed: number; answered: Map<string, number> }> {
    const answered = questions.map((q, i) => `count(*) FILTER (WHERE answers ? $${i + 2}::text)::int AS a${i}`);
    const [row] = await this.dataSource.query<Array<Record<string, number>>>(
      `SELECT count(*) FILTER (WHERE erased_at IS NULL)::int AS responses, count(*) FILTER (WHERE completed AND erased_at IS NULL)::int AS completed
              ${answered.map((column) => `, ${column}`).join('')}
         FROM survey_responses WHERE survey_id = $1`,
      [surveyId, ...questions.map((q) => q.name)],
    );
    return { responses: row.responses, completed: row.completed, answered: new Map(questions.map((q, i) => [q.name, row[`a${i}`]])) };
  }

  /** One scan per 400 columns, one grouping set per column: `GROUPING(cN) = 0` marks the rows of column N. */
  private async groupedCounts(surveyId: string, columns: GroupedColumn[]): Promise<CountRow[]> {
    const counts: CountRow[] = [];
    for (let start = 0; start < columns.length; start += COLUMNS_PER_SCAN) {
      const chunk = columns.slice(start, start + COLUMNS_PER_SCAN);
      const params: unknown[] = [surveyId];
      const param = (value: string): string => {
        params.push(value);
        return `$${params.length}::text`;
      };
      const expressions = chunk.map((column) => {
        const answer = column.row === null ? `answers -> ${param(column.question)}` : `answers -> ${param(column.question)} -> ${param(column.row)}`;
        return `CASE WHEN jsonb_typeof(${answer}) IN ${SINGLE_VALUE} THEN ${answer} #>> '{}' END`;
      });
      const rows = await this.dataSource.query<Array<Record<string, string | number | null>>>(
        `SELECT count(*)::int AS count, ${chunk.map((_, i) => `GROUPING(c${i}) AS g${i}, c${i}`).join(', ')}
           FROM (SELECT ${expressions.map((expression, i) => `${expression} AS c${i}`).join(', ')} FROM survey_responses WHERE survey_id = $1) answers
          GROUP BY GROUPING SETS (${chunk.map((_, i) => `(c${i})`).join(', ')})`,
        params,
      );
      for (const row of rows) {
        const i = chunk.findIndex((_, index) => row[`g${index}`] === 0);
        const value = row[`c${i}`];
        if (i >= 0 && value !== null) counts.push({ question: chunk[i].question, row: chunk[i].row, value: String(value), count: Number(row.count) });
      }
    }
    return counts;
  }

  private async listCounts(surveyId: string, lists: string[]): Promise<CountRow[]> {
    return this.dataSource.query<CountRow[]>(
      `SELECT q.name AS question, NULL AS row, item #>> '{}' AS value, count(*)::int AS count
         FROM survey_responses r CROSS JOIN unnest($2::text[]) AS q(name)
         CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.answers -> q.name) = 'array' THEN r.answers -> q.name END) item
        WHERE r.survey_id = $1
        GROUP BY 1, 3`,
      [surveyId, lists],
    );
  }

  /** Per open question, the newest answers by the survey's (survey_id, submitted_at) index: no scan of every text. */
  private async latest(surveyId: string, open: string[]): Promise<Array<{ question: string; text: string }>> {
    return this.dataSource.query(
      `SELECT q.name AS question, x.text
         FROM unnest($2::text[]) WITH ORDINALITY AS q(name, position)
         CROSS JOIN LATERAL (
           SELECT btrim(r.answers ->> q.name) AS text, r.submitted_at, r.id FROM survey_responses r
            WHERE r.survey_id = $1 AND r.erased_at IS NULL AND jsonb_typeof(r.answers -> q.name) = 'string' AND btrim(r.answers ->> q.name) <> ''
            ORDER BY r.submitted_at DESC, r.id LIMIT $3
         ) x
        ORDER BY q.position, x.submitted_at DESC, x.id`,
      [surveyId, open, SUMMARY_LATEST_ANSWERS],
    );
  }

  private summariseQuestion(question: SurveyQuestionInfo, rows: CountRow[], answered: number, mapping: QuestionMappingEntity | undefined): QuestionSummary {
    const own = rows.filter((row) => row.question === question.name);
    const summary: QuestionSummary = { name: question.name, title: question.title, type: question.type, answered, counts: [], mean: null, nps: null, matrix: null, latest: null };
    if (question.type === 'text' || question.type === 'comment') return summary;
    if (question.type === 'matrix') {
      summary.matrix = question.rows.map((row) => ({
        row: row.text,
        counts: countsInOrder(question, new Map(own.filter((item) => item.row === row.value).map((item) => [item.value, Number(item.count)]))),
      }));
      return summary;
    }
    const counted = new Map(own.map((row) => [row.value, Number(row.count)]));
    summary.counts = countsInOrder(question, counted);
    if (question.type === 'rating') {
      const total = summary.counts.reduce((sum, item) => sum + item.count, 0);
      summary.mean = total ? summary.counts.reduce((sum, item) => sum + Number(item.value) * item.count, 0) / total : null;
      const isNps = mapping?.metric === 'nps' || (question.rateMin === 0 && question.rateMax === 10);
      if (isNps && total) {
        const promoters = summary.counts.filter((item) => Number(item.value) >= 9).reduce((sum, item) => sum + item.count, 0);
        const detractors = summary.counts.filter((item) => Number(item.value) <= 6).reduce((sum, item) => sum + item.count, 0);
        summary.nps = { score: Math.round(((promoters - detractors) / total) * 100), promoters, passives: total - promoters - detractors, detractors };
      }
    }
    return summary;
  }
}
