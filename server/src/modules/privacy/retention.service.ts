import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../core/jobs/job-queue';
import { ErasureService } from './erasure.service';

export const RETENTION_QUEUE = 'privacy-retention';
/** Every night at 02:30 UTC. */
export const RETENTION_CRON = '30 2 * * *';
/** Responses erased per transaction: a batch is erased entirely or not at all. */
export const RETENTION_BATCH = 500;
/** Held for the whole sweep so that two workers never sweep at once (pg_try_advisory_lock key). */
export const RETENTION_LOCK = 0x7472_6f70;

export interface RetentionResult {
  projectId: string;
  retentionDays: number;
  erased: number;
}

/**
 * The nightly retention sweep: in every project with a retention period, survey responses
 * submitted longer ago than that are erased through the same code as a manual erasure, in
 * batches, with one audit row per project and run. pg-boss sends the cron tick once and its
 * singleton queue runs one sweep at a time; an advisory lock guards a direct call as well.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly erasure: ErasureService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.register(RETENTION_QUEUE, async () => void (await this.sweep()), { retryLimit: 1, expireInSeconds: 60 * 60, singleton: true });
    await this.queue.schedule(RETENTION_QUEUE, RETENTION_CRON);
  }

  /** Runs one sweep; returns null when another sweep holds the lock. */
  async sweep(batchSize = RETENTION_BATCH): Promise<RetentionResult[] | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RETENTION_LOCK])) as Array<{ locked: boolean }>;
      if (!locked) return null;
      try {
        const projects = (await this.dataSource.query(`SELECT id, retention_days FROM projects WHERE retention_days IS NOT NULL ORDER BY id`)) as Array<{
          id: string;
          retention_days: number;
        }>;
        const results: RetentionResult[] = [];
        for (const project of projects) {
          const erased = await this.sweepProject(project.id, project.retention_days, batchSize);
          if (erased > 0) results.push({ projectId: project.id, retentionDays: project.retention_days, erased });
        }
        return results;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [RETENTION_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async sweepProject(projectId: string, retentionDays: number, batchSize: number): Promise<number> {
    let erased = 0;
    // One audit row per project and run, written with the first batch and kept equal to what has committed.
    let auditId: string | null = null;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const ids = (
          (await manager.query(
            `SELECT id FROM survey_responses
              WHERE project_id = $1 AND erased_at IS NULL AND submitted_at < now() - make_interval(days => $2)
              ORDER BY submitted_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [projectId, retentionDays, batchSize],
          )) as Array<{ id: string }>
        ).map((row) => row.id);
        const { responses } = await this.erasure.eraseResponses(manager, projectId, ids);
        if (responses > 0) {
          const details = JSON.stringify({ responses: erased + responses, retentionDays });
          if (auditId) {
            await manager.query(`UPDATE audit_log SET details = $2 WHERE id = $1`, [auditId, details]);
          } else {
            const [row] = (await manager.query(
              `INSERT INTO audit_log (action, project_id, target, details) VALUES ('privacy.retention', $1, $2, $3) RETURNING id`,
              [projectId, `${retentionDays} days`, details],
            )) as Array<{ id: string }>;
            auditId = row.id;
          }
        }
        return responses;
      });
      erased += count;
      if (count < batchSize) break;
    }
    if (erased > 0) {
      await this.erasure.reassemble(projectId);
      this.logger.log(`erased ${erased} responses older than ${retentionDays} days in project ${projectId}`);
    }
    return erased;
  }
}
