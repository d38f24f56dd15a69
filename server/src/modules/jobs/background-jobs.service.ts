import { Injectable } from '@nestjs/common';
import type { JobKind, JobResponse, JsonObject } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { BackgroundJobEntity } from './background-job.entity';

export function toJobResponse(job: BackgroundJobEntity): JobResponse {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    phase: job.phase,
    progress: job.progress,
    result: job.result,
    error: job.error,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

const PROGRESS_INTERVAL_MS = 300;

/** Reports a running job's phase and progress, at most a few writes a second. */
export class ProgressReporter {
  private lastWrite = 0;
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobId: string,
  ) {}

  async report(phase: string, progress: number, force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.lastWrite = now;
    await this.dataSource.getRepository(BackgroundJobEntity).update({ id: this.jobId }, { phase, progress: Math.max(0, Math.min(1, progress)) });
  }
}

@Injectable()
export class BackgroundJobsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(projectId: string, kind: JobKind, params: JsonObject, createdBy: string | null): Promise<BackgroundJobEntity> {
    const repository = this.dataSource.getRepository(BackgroundJobEntity);
    return repository.save(repository.create({ projectId, kind, params, createdBy, status: 'queued', phase: 'queued', progress: 0 }));
  }

  async get(projectId: string, jobId: string): Promise<JobResponse> {
    const job = await this.dataSource.getRepository(BackgroundJobEntity).findOneBy({ id: jobId, projectId });
    if (!job) throw DomainException.notFound('Job');
    return toJobResponse(job);
  }

  /** Marks the job running (again, after a crash) and returns its reporter; null when it was cancelled. */
  async start(jobId: string): Promise<ProgressReporter | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(BackgroundJobEntity)
      .set({ status: 'running', startedAt: () => 'now()', attempts: () => 'attempts + 1', error: null, phase: 'starting', progress: 0 })
      .where('id = :jobId AND status IN (:...statuses)', { jobId, statuses: ['queued', 'running', 'failed'] })
      .execute();
    return result.affected ? new ProgressReporter(this.dataSource, jobId) : null;
  }

  async succeed(jobId: string, result: JsonObject): Promise<void> {
    await this.dataSource.query(`UPDATE background_jobs SET status = 'succeeded', phase = 'done', progress = 1, result = $2, finished_at = now() WHERE id = $1`, [
      jobId,
      JSON.stringify(result),
    ]);
  }

  async fail(jobId: string, error: string, result: JsonObject | null = null): Promise<void> {
    await this.dataSource.query(`UPDATE background_jobs SET status = 'failed', phase = 'failed', error = $2, result = $3, finished_at = now() WHERE id = $1`, [
      jobId,
      error,
      result === null ? null : JSON.stringify(result),
    ]);
  }
}
