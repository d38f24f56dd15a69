import { Injectable } from '@nestjs/common';
import { type ChoiceCount, type QuestionSummary, SUMMARY_LATEST_ANSWERS, type SurveyQuestionInfo, type SurveySummaryResponse } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import type { QuestionMappingEntity } from './question-mapping.entity';

interface CountRow {
  question: string;
  row: string | null;
  value: string;
  count: string;
}

function countsInOrder(question: SurveyQuestionInfo, counted: Map<string, number>): ChoiceCount[] {
  return question.choices.map((choice) => ({ value: choice.value, text: choice.text, count: counted.get(choice.value) ?? 0 }));
}

/** Per-question aggregates computed in PostgreSQL: three grouped scans, whatever the number of responses. */
@Injectable()
export class SurveySummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summarise(surveyId: string, questions: SurveyQuestionInfo[], mappings: Map<string, QuestionMappingEntity>): Promise<SurveySummaryResponse> {
    const [totals] = await this.dataSource.query<Array<{ responses: string; completed: string }>>(
      // Erased respondents are not counted: their answers are gone, so they would only dilute the rates.
      `SELECT count(*) AS responses, count(*) FILTER (WHERE completed) AS completed FROM survey_responses WHERE survey_id = $1 AND erased_at IS NULL`,
      [surveyId],
    );
    const scalar = questions.filter((q) => ['radiogroup', 'dropdown', 'rating', 'boolean'].includes(q.type)).map((q) => q.name);
    const lists = questions.filter((q) => q.type === 'checkbox').map((q) => q.name);
    const matrices = questions.filter((q) => q.type === 'matrix').map((q) => q.name);
    const open = questions.filter((q) => q.type === 'text' || q.type === 'comment').map((q) => q.name);
    const rows: CountRow[] = [
      ...(await this.dataSource.query<CountRow[]>(
        `SELECT e.key AS question, NULL AS row, e.value #>> '{}' AS value, count(*) AS count
           FROM survey_responses r CROSS JOIN LATERAL jsonb_each(r.answers) e
          WHERE r.survey_id = $1 AND e.key = ANY($2) AND jsonb_typeof(e.value) IN ('string', 'number', 'boolean')
          GROUP BY 1, 3`,
        [surveyId, scalar],
      )),
      ...(await this.dataSource.query<CountRow[]>(
        `SELECT e.key AS question, NULL AS row, item #>> '{}' AS value, count(*) AS count
           FROM survey_responses r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL jsonb_array_elements(e.value) item
          WHERE r.survey_id = $1 AND e.key = ANY($2) AND jsonb_typeof(e.value) = 'array'
          GROUP BY 1, 3`,
        [surveyId, lists],
      )),
      ...(await this.dataSource.query<CountRow[]>(
        `SELECT e.key AS question, cell.key AS row, cell.value #>> '{}' AS value, count(*) AS count
           FROM survey_responses r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL jsonb_each(e.value) cell
          WHERE r.survey_id = $1 AND e.key = ANY($2) AND jsonb_typeof(e.value) = 'object'
          GROUP BY 1, 2, 3`,
        [surveyId, matrices],
      )),
    ];
    const answeredRows = await this.dataSource.query<Array<{ question: string; answered: string }>>(
      `SELECT e.key AS question, count(*) AS answered FROM survey_responses r CROSS JOIN LATERAL jsonb_object_keys(r.answers) e(key)
        WHERE r.survey_id = $1 GROUP BY 1`,
      [surveyId],
    );
    const answered = new Map(answeredRows.map((row) => [row.question, Number(row.answered)]));
    // Per open question, the newest answers by the survey's (survey_id, submitted_at) index: no scan of every text.
    const latestRows = await this.dataSource.query<Array<{ question: string; text: string }>>(
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

    return {
      responses: Number(totals.responses),
      completed: Number(totals.completed),
      questions: questions.map((question) => ({
        ...this.summariseQuestion(question, rows, answered.get(question.name) ?? 0, mappings.get(question.name)),
        latest: open.includes(question.name) ? latestRows.filter((row) => row.question === question.name).map((row) => row.text) : null,
      })),
    };
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
