import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ImportColumnTarget, Page, RunImportResponse, SurveyImportResponse } from '@tropa/contracts';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { DomainErrorCode, DomainException } from '../../../core/errors/domain.exception';
import { JobQueue } from '../../../core/jobs/job-queue';
import { type PageQueryDto, pageWindow, toPage } from '../../../core/http/page-query.dto';
import { BackgroundJobsService, toJobResponse } from '../../jobs/background-jobs.service';
import type { UserEntity } from '../../users/user.entity';
import type { RunImportDto } from '../dto/surveys.dto';
import { requireDefinition, SurveysService } from '../surveys.service';
import { validateMapping, suggestMapping } from './import-mapping';
import { ImportRunner, type ImportJobData } from './import-runner';
import { previewResponseFile, type ResponseFilePreview } from './response-file';
import { sha256Of, storeUpload } from './stored-file';
import { SurveyImportEntity } from './survey-import.entity';
import type { UploadedTemporaryFile } from './temporary-upload';

export const SURVEY_IMPORT_QUEUE = 'survey-import';
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const ACCEPTED = /\.(csv|tsv|txt|xlsx)$/i;

function toImportResponse(row: SurveyImportEntity, duplicateOf: string | null): SurveyImportResponse {
  return {
    id: row.id,
    fileName: row.fileName,
    fileSize: row.fileSize,
    source: row.source,
    status: row.status,
    columns: row.columns,
    suggestedMapping: row.suggestedMapping,
    respondentColumn: row.respondentColumn,
    submittedAtColumn: row.submittedAtColumn,
    duplicateOf,
    report: row.report,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class SurveyImportsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly jobs: BackgroundJobsService,
    private readonly queue: JobQueue,
    private readonly runner: ImportRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    // A crashed worker's import rolls back with its transaction; its lease runs out and another worker retries it from the start.
    await this.queue.register<ImportJobData>(SURVEY_IMPORT_QUEUE, (data) => this.runner.run(data), {
      retryLimit: 2,
      expireInSeconds: 30 * 60,
      leased: { onLost: (data) => this.runner.lost(data) },
    });
  }

  /**
   * Stores the file and reads its header and first rows for the mapping screen. Nothing else is written.
   * The upload is read from its temporary file in pieces and copied into PostgreSQL as a stream.
   */
  async upload(projectId: string, surveyId: string, file: UploadedTemporaryFile | undefined, user: UserEntity): Promise<SurveyImportResponse> {
    const survey = await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    if (!file) throw DomainException.invalid('file', 'Attach a CSV or XLSX file in the "file" field');
    if (!ACCEPTED.test(file.originalname)) throw DomainException.invalid('file', 'Only .csv, .tsv, .txt and .xlsx files can be imported');
    if (file.size === 0) throw DomainException.invalid('file', 'The file is empty');
    const preview = await this.preview(file);
    const { questions } = requireDefinition(survey.definition);
    const id = randomUUID();
    await storeUpload(this.dataSource, file.path, {
      id,
      projectId,
      surveyId,
      fileName: file.originalname.slice(0, 255),
      fileSize: file.size,
      fileSha256: await sha256Of(file.path),
      source: preview.source,
      columns: preview.columns,
      respondentColumn: preview.respondentColumn,
      submittedAtColumn: preview.submittedAtColumn,
      suggestedMapping: suggestMapping(preview.columns, questions, [preview.respondentColumn, preview.submittedAtColumn]),
      createdBy: user.id,
    });
    const saved = await this.dataSource.getRepository(SurveyImportEntity).findOneByOrFail({ id });
    return toImportResponse(saved, await this.duplicateOf(saved));
  }

  /** An XLSX is read whole (its zip is checked against bombs first); a CSV only as far as its first rows. */
  private async preview(file: UploadedTemporaryFile): Promise<ResponseFilePreview> {
    if (/\.xlsx$/i.test(file.originalname)) return previewResponseFile(await readFile(file.path), file.originalname);
    const stream = createReadStream(file.path, { highWaterMark: 64 * 1024 });
    try {
      return await previewResponseFile(stream, file.originalname);
    } finally {
      stream.destroy();
    }
  }

  async list(projectId: string, surveyId: string, query: PageQueryDto): Promise<Page<SurveyImportResponse>> {
    await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const window = pageWindow(query);
    const result = await this.dataSource.getRepository(SurveyImportEntity).findAndCount({
      where: { surveyId, projectId },
      order: { createdAt: query.order === 'asc' ? 'ASC' : 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(result, window, (row) => toImportResponse(row, null));
  }

  async get(projectId: string, surveyId: string, importId: string): Promise<SurveyImportResponse> {
    const row = await this.dataSource.getRepository(SurveyImportEntity).findOneBy({ id: importId, surveyId, projectId });
    if (!row) throw DomainException.notFound('Import');
    return toImportResponse(row, await this.duplicateOf(row));
  }

  /** Checks the mapping, then validates (dry run) or imports the file as a background job. */
  async run(projectId: string, surveyId: string, importId: string, dto: RunImportDto, user: UserEntity): Promise<RunImportResponse> {
    const survey = await this.surveys.find(this.dataSource.manager, projectId, surveyId);
    const row = await this.dataSource.getRepository(SurveyImportEntity).findOneBy({ id: importId, surveyId, projectId });
    if (!row) throw DomainException.notFound('Import');
    const { questions } = requireDefinition(survey.definition);
    const mapping: ImportColumnTarget[] = dto.mapping.map((target) => ({ column: target.column, question: target.question, ...(target.choice !== undefined ? { choice: target.choice } : {}) }));
    const problems = validateMapping(mapping, row.columns, questions);
    for (const [field, column] of [
      ['respondentColumn', dto.respondentColumn],
      ['submittedAtColumn', dto.submittedAtColumn],
    ] as const) {
      if (column !== undefined && column !== null && (column >= row.columns.length || mapping.some((target) => target.column === column))) {
        problems.push({ field, message: `${field} must be a column of the file that is not mapped to a question` });
      }
    }
    if (mapping.length === 0) problems.push({ field: 'mapping', message: 'map at least one column to a question' });
    if (problems.length) throw new DomainException(DomainErrorCode.Invalid, `Invalid mapping: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
    if (['validating', 'importing'].includes(row.status)) throw DomainException.conflict('importId', 'This file is being processed already');
    if (row.status === 'completed') throw DomainException.conflict('importId', 'This file has been imported already');
    const duplicateOf = await this.duplicateOf(row);
    if (!dto.dryRun && duplicateOf && !dto.allowDuplicate) {
      throw DomainException.conflict('allowDuplicate', 'The same file was imported into this survey before: send allowDuplicate to import it again');
    }

    const data: Omit<ImportJobData, 'jobId'> = {
      importId,
      dryRun: dto.dryRun,
      mapping,
      respondentColumn: dto.respondentColumn === undefined ? row.respondentColumn : dto.respondentColumn,
      submittedAtColumn: dto.submittedAtColumn === undefined ? row.submittedAtColumn : dto.submittedAtColumn,
    };
    const job = await this.jobs.create(projectId, 'survey_import', { ...data, mapping: mapping.map((target) => ({ ...target })) }, user.id);
    await this.dataSource
      .getRepository(SurveyImportEntity)
      .update({ id: importId }, { status: dto.dryRun ? 'validating' : 'importing', jobId: job.id, report: null });
    await this.queue.enqueue(SURVEY_IMPORT_QUEUE, { ...data, jobId: job.id }, importId);
    return { import: await this.get(projectId, surveyId, importId), job: toJobResponse(job) };
  }

  private async duplicateOf(row: SurveyImportEntity): Promise<string | null> {
    const earlier = await this.dataSource
      .getRepository(SurveyImportEntity)
      .createQueryBuilder('import')
      .select('import.id', 'id')
      .where('import.survey_id = :surveyId AND import.file_sha256 = :hash AND import.status = :status AND import.id <> :id', {
        surveyId: row.surveyId,
        hash: row.fileSha256,
        status: 'completed',
        id: row.id,
      })
      .orderBy('import.created_at', 'ASC')
      .getRawOne<{ id: string }>();
    return earlier?.id ?? null;
  }
}

