import { Injectable, Logger } from '@nestjs/common';
import type { AnswerValue, ImportColumnTarget, ImportReport, ImportRowProblem, SurveyQuestionInfo } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { BackgroundJobsService, type ProgressReporter } from '../../jobs/background-jobs.service';
import { openAnswerArrays, openAnswers } from '../open-answer-quotes';
import { PersonaEntity } from '../../personas/persona.entity';
import { personaMatcher } from '../persona-assignment';
import { QuestionMappingEntity } from '../question-mapping.entity';
import { SurveyEntity } from '../survey.entity';
import { requireDefinition } from '../surveys.service';
import { MAX_TEXT_ANSWER } from '../validate-answers';
import { cellToAnswer, mergeAnswer } from './cell-to-answer';
import { parseExportDate } from './export-date';
import { FileProblem, openResponseFile } from './response-file';
import { SurveyImportEntity } from './survey-import.entity';

export interface ImportJobData {
  importId: string;
  jobId: string;
  dryRun: boolean;
  mapping: ImportColumnTarget[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
}

const BATCH = 1000;
const MAX_REPORTED_PROBLEMS = 1000;

interface PendingRow {
  line: number;
  respondentKey: string;
  answers: Record<string, AnswerValue>;
  completed: boolean;
  submittedAt: Date;
  personaId: string | null;
}

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
    const imported = await this.dataSource.getRepository(SurveyImportEntity).createQueryBuilder('import').addSelect('import.content').where('import.id = :id', { id: data.importId }).getOne();
    if (!imported) return this.jobs.fail(data.jobId, 'The import was deleted');
    try {
      const report = data.dryRun ? await this.scan(imported, data, reporter, null) : await this.dataSource.transaction((manager) => this.scan(imported, data, reporter, manager));
      const failed = report.problemCount > 0 && !data.dryRun;
      await this.dataSource.getRepository(SurveyImportEntity).update(
        { id: imported.id },
        { status: failed ? 'failed' : data.dryRun ? 'validated' : 'completed', report, completedAt: failed || data.dryRun ? null : new Date() },
      );
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

  private async scan(imported: SurveyImportEntity, data: ImportJobData, reporter: ProgressReporter, manager: EntityManager | null): Promise<ImportReport> {
    const survey = await this.dataSource.getRepository(SurveyEntity).findOneByOrFail({ id: imported.surveyId });
    const { questions } = requireDefinition(survey.definition);
    const byName = new Map(questions.map((question) => [question.name, question]));
    const mappings = new Map((await this.dataSource.getRepository(QuestionMappingEntity).find({ where: { surveyId: survey.id } })).map((m) => [m.questionName, m]));
    const required = questions.filter((question) => question.required).map((question) => question.name);
    const personaOf = personaMatcher(await this.dataSource.getRepository(PersonaEntity).findBy({ projectId: survey.projectId }), mappings, questions);
    const problems = new ProblemLog();
    const seen = new Set<string>();
    const file = await openResponseFile(imported.content, imported.fileName);
    const estimatedRows = Math.max(1, file.estimatedRows);
    let rows = 0;
    let valid = 0;
    let written = 0;
    let batch: PendingRow[] = [];

    const flush = async () => {
      if (!batch.length) return;
      const taken = await this.dataSource.query<Array<{ respondent_key: string }>>(
        'SELECT respondent_key FROM survey_responses WHERE survey_id = $1 AND respondent_key = ANY($2)',
        [survey.id, batch.map((row) => row.respondentKey)],
      );
      const takenKeys = new Set(taken.map((row) => row.respondent_key));
      for (const row of batch) {
        if (takenKeys.has(row.respondentKey)) problems.add({ row: row.line, column: null, reason: `respondent "${row.respondentKey}" already has a response in this survey` });
      }
      const clean = batch.filter((row) => !takenKeys.has(row.respondentKey));
      valid += clean.length;
      if (manager && problems.count === 0) written += await this.insert(manager, survey, imported.id, clean, questions, mappings);
      batch = [];
    };

    for await (const { line, cells } of file.rows) {
      rows += 1;
      const rowProblems = this.convertRow(line, cells, data, byName, imported.columns.map((column) => column.title));
      if ('problems' in rowProblems) {
        for (const problem of rowProblems.problems) problems.add(problem);
        continue;
      }
      const { answers, respondentKeyCell, submittedAt } = rowProblems;
      const respondentKey = respondentKeyCell ?? `import-${imported.id.slice(0, 8)}-${line}`;
      if (seen.has(respondentKey)) {
        problems.add({ row: line, column: null, reason: `respondent "${respondentKey}" appears twice in the file` });
        continue;
      }
      seen.add(respondentKey);
      batch.push({ line, respondentKey, answers, submittedAt, completed: required.every((name) => answers[name] !== undefined), personaId: personaOf(answers) });
      if (batch.length >= BATCH) {
        await flush();
        await reporter.report(data.dryRun ? 'checking rows' : 'importing rows', Math.min(0.99, rows / estimatedRows));
      }
    }
    await flush();
    const report: ImportReport = { dryRun: data.dryRun, rows, valid, imported: manager && problems.count === 0 ? written : 0, problems: problems.kept, problemCount: problems.count };
    if (manager && problems.count > 0) throw new RowsRejected(report);
    await reporter.report('finishing', 1, true);
    return report;
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

  /** One statement per table per batch: arrays unnested by PostgreSQL. */
  private async insert(
    manager: EntityManager,
    survey: SurveyEntity,
    importId: string,
    rows: PendingRow[],
    questions: SurveyQuestionInfo[],
    mappings: Map<string, QuestionMappingEntity>,
  ): Promise<number> {
    if (!rows.length) return 0;
    const inserted = await manager.query<Array<{ id: string; respondent_key: string }>>(
      `INSERT INTO survey_responses (survey_id, project_id, respondent_key, source, import_batch_id, answers, completed, submitted_at, persona_id)
       SELECT $1, $2, u.key, 'import', $3, u.answers, u.completed, u.submitted_at, u.persona_id
         FROM unnest($4::text[], $5::jsonb[], $6::boolean[], $7::timestamptz[], $8::uuid[]) AS u(key, answers, completed, submitted_at, persona_id)
       RETURNING id, respondent_key`,
      [survey.id, survey.projectId, importId, rows.map((row) => row.respondentKey), rows.map((row) => JSON.stringify(row.answers)), rows.map((row) => row.completed), rows.map((row) => row.submittedAt.toISOString()), rows.map((row) => row.personaId)],
    );
    const idByKey = new Map(inserted.map((row) => [row.respondent_key, row.id]));
    const quotes = openAnswerArrays(
      rows.map((row) => ({ responseId: idByKey.get(row.respondentKey), respondentKey: row.respondentKey, answers: openAnswers(row.answers, questions, mappings) })),
    );
    if (quotes.texts.length) {
      await manager.query(
        `INSERT INTO quotes (project_id, source_type, survey_id, response_id, question_name, start_offset, end_offset, text, stage_id, touchpoint_id, participant_key)
         SELECT $1, 'survey_answer', $2, u.response_id, u.question_name, 0, u.end_offset, u.text, u.stage_id, u.touchpoint_id, u.participant_key
           FROM unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::uuid[], $8::uuid[], $9::text[]) AS u(response_id, question_name, end_offset, text, stage_id, touchpoint_id, participant_key)`,
        [
          survey.projectId,
          survey.id,
          quotes.responseIds,
          quotes.questionNames,
          quotes.endOffsets,
          quotes.texts,
          quotes.stageIds,
          quotes.touchpointIds,
          quotes.participantKeys,
        ],
      );
    }
    return inserted.length;
  }
}

/** Rows had problems during a real import: the transaction rolls back and the report says why. */
class RowsRejected extends Error {
  constructor(readonly report: ImportReport) {
    super('rows rejected');
  }
}
