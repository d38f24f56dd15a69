import { Injectable, Logger } from '@nestjs/common';
import type { AnswerValue, ImportColumnTarget, ImportReport, ImportRowProblem, SurveyQuestionInfo } from '@tropa/contracts';
import type { PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { BackgroundJobsService, type ProgressReporter } from '../../jobs/background-jobs.service';
import { PersonaEntity } from '../../personas/persona.entity';
import { personaMatcher } from '../persona-assignment';
import { QuestionMappingEntity } from '../question-mapping.entity';
import { SurveyEntity } from '../survey.entity';
import { requireDefinition } from '../surveys.service';
import { MAX_TEXT_ANSWER } from '../validate-answers';
import { cellToAnswer, mergeAnswer } from './cell-to-answer';
import { parseExportDate } from './export-date';
import { ResponseCopyWriter } from './response-copy-writer';
import { FileProblem, openResponseFile } from './response-file';
import { StoredFile } from './stored-file';
import { SurveyImportEntity } from './survey-import.entity';

export interface ImportJobData {
  importId: string;
  jobId: string;
  dryRun: boolean;
  mapping: ImportColumnTarget[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
}

/** Rows checked against earlier responses and copied per round trip. */
const BATCH = 5000;
const MAX_REPORTED_PROBLEMS = 1000;
/** Rows from which an import refreshes the statistics of the tables it wrote. */
const ANALYZE_AFTER_ROWS = 10_000;

/** Counts problems, keeping the first ones for the report. */
class ProblemLog {
  readonly kept: ImportRowProblem[] = [];
  count = 0;
  add(problem: ImportRowProblem): void {
    this.count += 1;
    if (this.kept.length < MAX_REPORTED_PROBLEMS) this.kept.push(problem);
  }
}

/**
 * Runs one import job: streams the stored file, converts each row through the
 * mapping, and either reports (dry run) or writes every row in ONE transaction —
 * all rows or none. Row problems are listed with line, column and reason.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('SurveyImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: BackgroundJobsService,
  ) {}

  async run(data: ImportJobData): Promise<void> {
    const reporter = await this.jobs.start(data.jobId);
    if (!reporter) return;
    const imported = await this.dataSource.getRepository(SurveyImportEntity).findOneBy({ id: data.importId });
    if (!imported) return this.jobs.fail(data.jobId, 'The import was deleted');
    try {
      const report = data.dryRun ? await this.scan(imported, data, reporter, null) : await this.dataSource.transaction((manager) => this.scan(imported, data, reporter, manager));
      const failed = report.problemCount > 0 && !data.dryRun;
      await this.dataSource.getRepository(SurveyImportEntity).update(
        { id: imported.id },
        { status: failed ? 'failed' : data.dryRun ? 'validated' : 'completed', report, completedAt: failed || data.dryRun ? null : new Date() },
      );
      // After a large import PostgreSQL's statistics still describe the tables before it (until autovacuum
      // gets to them): the next reads would plan for a handful of rows (the export of 100,000 took 7 s, not 2).
      if (report.imported >= ANALYZE_AFTER_ROWS) await this.dataSource.query('ANALYZE survey_responses, quotes').catch(() => undefined);
      const summary = { rows: report.rows, valid: report.valid, imported: report.imported, problems: report.problemCount };
      if (failed) await this.jobs.fail(data.jobId, `${report.problemCount} rows have problems: nothing was imported`, summary);
      else await this.jobs.succeed(data.jobId, summary);
    } catch (error) {
      if (error instanceof RowsRejected) {
        await this.dataSource.getRepository(SurveyImportEntity).update({ id: imported.id }, { status: 'failed', report: error.report });
        await this.jobs.fail(data.jobId, `${error.report.problemCount} rows have problems: nothing was imported`, { rows: error.report.rows, problems: error.report.problemCount });
        return;
      }
      if (error instanceof FileProblem) {
        const report: ImportReport = { dryRun: data.dryRun, rows: 0, valid: 0, imported: 0, problems: [{ row: error.line ?? 0, column: null, reason: error.message }], problemCount: 1 };
        await this.dataSource.getRepository(SurveyImportEntity).update({ id: imported.id }, { status: 'failed', report });
        await this.jobs.fail(data.jobId, error.message);
        return;
      }
      this.logger.error(`import ${imported.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.jobs.fail(data.jobId, 'The import failed unexpectedly; it will be retried');
      throw error; // pg-boss retries with back-off
    }
  }

  /** Its worker died on the last attempt: nothing was written (the transaction died with it); the person may start it again. */
  async lost(data: ImportJobData): Promise<void> {
    const reason = 'The import stopped because its worker stopped, on every attempt; nothing was imported. Start it again.';
    const report: ImportReport = { dryRun: data.dryRun, rows: 0, valid: 0, imported: 0, problems: [{ row: 0, column: null, reason }], problemCount: 1 };
    await this.dataSource.getRepository(SurveyImportEntity).update({ id: data.importId }, { status: 'failed', report });
    await this.jobs.fail(data.jobId, reason);
  }

  /**
   * One streaming pass: the stored file is read in slices, each row is checked and converted,
   * and batches of clean rows are copied into the transaction while the next batch is parsed.
   * After the first problem nothing more is written, but every row is still checked for the report.
   */
  private async scan(imported: SurveyImportEntity, data: ImportJobData, reporter: ProgressReporter, manager: EntityManager | null): Promise<ImportReport> {
    const survey = await this.dataSource.getRepository(SurveyEntity).findOneByOrFail({ id: imported.surveyId });
    const { questions } = requireDefinition(survey.definition);
    const byName = new Map(questions.map((question) => [question.name, question]));
    const mappings = new Map((await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId: survey.id } })).map((m) => [m.questionName, m]));
    const required = questions.filter((question) => question.required).map((question) => question.name);
    const personaOf = personaMatcher(await this.dataSource.getRepository(PersonaEntity).findBy({ projectId: survey.projectId }), mappings, questions);
    const titles = imported.columns.map((column) => column.title);
    const problems = new ProblemLog();
    const seen = new Set<string>();
    const stored = new StoredFile(this.dataSource, imported.id, imported.fileSize);
    const xlsx = /\.xlsx$/i.test(imported.fileName);
    const file = await openResponseFile(xlsx ? await stored.whole() : stored.slices(), imported.fileName);
    const writer = manager ? new ResponseCopyWriter((await manager.queryRunner?.connect()) as PoolClient, { surveyId: survey.id, projectId: survey.projectId, importId: imported.id, questions, mappings }) : null;
    const generatedKeyPrefix = `import-${imported.id.slice(0, 8)}-`;
    // Keys made here for files without a respondent column are new unless an earlier import used the same prefix.
    const checkTaken = data.respondentColumn !== null || (await this.anyKeyStartsWith(survey.id, generatedKeyPrefix));
    let rows = 0;
    let valid = 0;
    let written = 0;
    // A CSV's progress is the share of its bytes read; an XLSX is read whole, so its rows are counted against a rough guess.
    const progress = () => (xlsx ? rows / Math.max(1, imported.fileSize / 60) : stored.progress);
    let writing: Promise<number> = Promise.resolve(0);
    // The batch keeps only what the check against earlier responses needs; the writer has the rows, encoded.
    let batch: Array<{ line: number; respondentKey: string }> = [];

    const flush = async () => {
      if (!batch.length) return;
      const takenKeys = checkTaken ? await this.takenKeys(survey.id, batch) : new Set<string>();
      for (const row of batch) {
        if (takenKeys.has(row.respondentKey)) problems.add({ row: row.line, column: null, reason: `respondent "${row.respondentKey}" already has a response in this survey` });
      }
      valid += batch.length - takenKeys.size;
      batch = [];
      // The previous batch was being copied while this one was read; one COPY at a time on the connection.
      written += await writing;
      if (!writer) return;
      if (problems.count > 0) {
        writer.discard();
        return;
      }
      writing = writer.write();
      // A failed COPY is awaited (and thrown) at the next flush; until then it must not be an unhandled rejection.
      writing.catch(() => undefined);
    };

    for await (const { line, cells } of file.rows) {
      rows += 1;
      const rowProblems = this.convertRow(line, cells, data, byName, titles);
      if ('problems' in rowProblems) {
        for (const problem of rowProblems.problems) problems.add(problem);
        continue;
      }
      const { answers, respondentKeyCell, submittedAt } = rowProblems;
      const respondentKey = respondentKeyCell ?? `${generatedKeyPrefix}${line}`;
      // Made keys differ by line; only keys from the file's respondent column can repeat.
      if (respondentKeyCell !== null) {
        if (seen.has(respondentKeyCell)) {
          problems.add({ row: line, column: null, reason: `respondent "${respondentKey}" appears twice in the file` });
          continue;
        }
        seen.add(respondentKeyCell);
      }
      batch.push({ line, respondentKey });
      if (writer && problems.count === 0) {
        writer.add({ respondentKey, answers, submittedAt, completed: required.every((name) => answers[name] !== undefined), personaId: personaOf(answers) });
      }
      if (batch.length >= BATCH) {
        await flush();
        await reporter.report(data.dryRun ? 'checking rows' : 'importing rows', Math.min(0.99, progress()));
      }
    }
    await flush();
    written += await writing;
    const report: ImportReport = { dryRun: data.dryRun, rows, valid, imported: manager && problems.count === 0 ? written : 0, problems: problems.kept, problemCount: problems.count };
    if (manager && problems.count > 0) throw new RowsRejected(report);
    await reporter.report('finishing', 1, true);
    return report;
  }

  /** Respondent keys of the batch that already have a response in the survey (committed ones). */
  private async takenKeys(surveyId: string, batch: Array<{ respondentKey: string }>): Promise<Set<string>> {
    const taken = await this.dataSource.query<Array<{ respondent_key: string }>>('SELECT respondent_key FROM survey_responses WHERE survey_id = $1 AND respondent_key = ANY($2)', [
      surveyId,
      batch.map((row) => row.respondentKey),
    ]);
    return new Set(taken.map((row) => row.respondent_key));
  }

  private async anyKeyStartsWith(surveyId: string, prefix: string): Promise<boolean> {
    const [found] = await this.dataSource.query<Array<{ found: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM survey_responses WHERE survey_id = $1 AND left(respondent_key, $2) = $3) AS found`,
      [surveyId, prefix.length, prefix],
    );
    return found.found;
  }

  private convertRow(
    line: number,
    cells: string[],
    data: ImportJobData,
    byName: Map<string, SurveyQuestionInfo>,
    titles: string[],
  ): { problems: ImportRowProblem[] } | { answers: Record<string, AnswerValue>; respondentKeyCell: string | null; submittedAt: Date } {
    const problems: ImportRowProblem[] = [];
    const answers: Record<string, AnswerValue> = {};
    for (const target of data.mapping) {
      const question = byName.get(target.question) as SurveyQuestionInfo;
      const cell = cells[target.column] ?? '';
      if ((question.type === 'text' || question.type === 'comment') && cell.length > MAX_TEXT_ANSWER) {
        problems.push({ row: line, column: titles[target.column] ?? null, reason: `longer than ${MAX_TEXT_ANSWER} characters` });
        continue;
      }
      const result = cellToAnswer(question, cell, target);
      if ('error' in result) problems.push({ row: line, column: titles[target.column] ?? null, reason: result.error });
      else if ('value' in result) mergeAnswer(answers, question, result.value);
    }
    let respondentKeyCell: string | null = null;
    if (data.respondentColumn !== null) {
      respondentKeyCell = (cells[data.respondentColumn] ?? '').trim();
      if (!respondentKeyCell || respondentKeyCell.length > 100) {
        problems.push({ row: line, column: titles[data.respondentColumn] ?? null, reason: 'the respondent id must be 1–100 characters' });
      }
    }
    let submittedAt = new Date();
    if (data.submittedAtColumn !== null) {
      const cell = (cells[data.submittedAtColumn] ?? '').trim();
      const parsed = cell ? parseExportDate(cell) : null;
      if (cell && !parsed) problems.push({ row: line, column: titles[data.submittedAtColumn] ?? null, reason: `"${cell}" is not a date` });
      if (parsed) submittedAt = parsed;
    }
    return problems.length ? { problems } : { answers, respondentKeyCell, submittedAt };
  }
}

/** Rows had problems during a real import: the transaction rolls back and the report says why. */
class RowsRejected extends Error {
  constructor(readonly report: ImportReport) {
    super('rows rejected');
  }
}
