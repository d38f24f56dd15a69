import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { SurveyResponseEntity } from '../survey-response.entity';
import { requireDefinition, SurveysService } from '../surveys.service';
import { answerCell, csvField, neutralise } from './spreadsheet-cells';

export type ExportFormat = 'csv' | 'xlsx';
const BATCH = 1000;

/** What a row of the export shows of a response. */
type ExportedResponse = Pick<SurveyResponseEntity, 'respondentKey' | 'submittedAt' | 'source' | 'answers'>;

export interface ExportTarget {
  fileName: string;
  contentType: string;
  write(output: Writable): Promise<void>;
}

/**
 * Waits while the reader is behind (the output's buffer is full), so that a slow download holds
 * about one batch in memory, not the whole export. False when the reader has gone: stop writing.
 */
async function taken(output: Writable): Promise<boolean> {
  if (output.writableNeedDrain && !output.destroyed) {
    const done = new AbortController();
    const event = (name: string) => once(output, name, { signal: done.signal }).catch(() => undefined);
    await Promise.race([event('drain'), event('close')]);
    done.abort();
  }
  return !output.destroyed;
}

/** Responses as one row each and one column per question, streamed in keyset-paged batches. */
@Injectable()
export class ResponsesExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
  ) {}

  async prepare(projectId: string, surveyId: string, format: ExportFormat): Promise<ExportTarget> {
    const survey = await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const { questions } = requireDefinition(survey.definition);
    const header = ['respondent', 'submitted_at', 'source', ...questions.map((question) => question.title)];
    const rows = (batch: ExportedResponse[]) =>
      batch.map((row) => [row.respondentKey, row.submittedAt.toISOString(), row.source, ...questions.map((question) => answerCell(question, row.answers[question.name]))]);
    const base = survey.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'responses';
    if (format === 'csv') {
      return {
        fileName: `${base}.csv`,
        contentType: 'text/csv; charset=utf-8',
        write: async (output) => {
          output.write('\uFEFF' + header.map(csvField).join(',') + '\r\n');
          for await (const batch of this.batches(surveyId)) {
            if (!(await taken(output))) return;
            output.write(rows(batch).map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n');
          }
          output.end();
        },
      };
    }
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      write: async (output) => {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(header.map(neutralise)).commit();
        for await (const batch of this.batches(surveyId)) {
          if (!(await taken(output))) return;
          for (const cells of rows(batch)) sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell))).commit();
        }
        sheet.commit();
        await workbook.commit();
      },
    };
  }

  /**
   * Keyset pages, oldest first, in plain SQL: only the columns a row of the export needs. The order
   * (submitted_at, id DESC) is the survey's (survey_id, submitted_at DESC, id) index read backwards:
   * each page is an index range, not a sort of every response.
   * The cursor keeps PostgreSQL's own text of the timestamp: a JavaScript Date would drop the
   * microseconds and repeat rows.
   */
  private async *batches(surveyId: string): AsyncGenerator<ExportedResponse[]> {
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const batch: Array<ExportedResponse & { id: string; cursor: string }> = await this.dataSource.query(
        `SELECT id, respondent_key AS "respondentKey", submitted_at AS "submittedAt", submitted_at::text AS cursor, source, answers
           FROM survey_responses
          WHERE survey_id = $1 ${after ? 'AND submitted_at >= $3::timestamptz AND (submitted_at > $3::timestamptz OR id < $4::uuid)' : ''}
          ORDER BY submitted_at, id DESC
          LIMIT $2`,
        after ? [surveyId, BATCH, after.at, after.id] : [surveyId, BATCH],
      );
      if (batch.length === 0) return;
      yield batch;
      const last = batch[batch.length - 1];
      after = { at: last.cursor, id: last.id };
    }
  }
}
