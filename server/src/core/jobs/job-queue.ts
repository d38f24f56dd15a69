import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  url: string;
  /** Run handlers in this process (the API by default, the worker always). */
  runWorkers: boolean;
  /** Seconds without a heartbeat after which a leased job's worker counts as dead (default 60). */
  leaseSeconds?: number;
}

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

export interface QueuePolicy<T> {
  retryLimit: number;
  expireInSeconds: number;
  /** At most one job of the queue queued or active at a time. */
  singleton?: boolean;
  /**
   * The worker keeps a lease with a heartbeat while the handler runs; when a worker dies
   * (kill -9, power cut), another worker fails its job within the lease time, so the job
   * is retried then rather than when `expireInSeconds` runs out. `onLost` is called when
   * no retry is left.
   */
  leased?: { onLost: (data: T) => Promise<void> };
}

/**
 * The PostgreSQL-backed queue (pg-boss): durable jobs, retries with back-off, and
 * expiry of jobs whose worker died, so that long work survives a crash. More
 * workers on other machines only need the same database.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly workers = new Map<string, string>();
  private readonly lostHandlers = new Map<string, (data: unknown) => Promise<void>>();
  private readonly worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly leaseMs: number;
  private sweeper: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(@Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions) {
    this.leaseMs = (options.leaseSeconds ?? 60) * 1000;
    this.boss = new PgBoss({ connectionString: options.url, schema: 'pgboss', max: 4, supervise: options.runWorkers, schedule: options.runWorkers });
    this.boss.on('error', (error: Error) => {
      // Connections cut while the process shuts down are expected, not news.
      if (!this.stopping) this.logger.error(`queue error: ${error.message}`);
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Declares a queue and, where this process runs workers, its handler. */
  async register<T extends object>(name: string, handler: JobHandler<T>, policy: QueuePolicy<T>): Promise<void> {
    await this.boss.createQueue(name, {
      name,
      retryLimit: policy.retryLimit,
      retryBackoff: true,
      retryDelay: 2,
      expireInSeconds: policy.expireInSeconds,
      ...(policy.singleton ? { policy: 'singleton' as const } : {}),
    });
    if (policy.leased) this.lostHandlers.set(name, policy.leased.onLost as (data: unknown) => Promise<void>);
    if (!this.options.runWorkers) return;
    const id = await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      const meta = { id: job.id, retryCount: job.retryCount };
      if (!policy.leased) return handler(job.data, meta);
      await this.holdLease(job.id, name, () => handler(job.data, meta));
    });
    this.workers.set(name, id);
    if (policy.leased && !this.sweeper) {
      this.sweeper = setInterval(() => void this.sweepLeases().catch((error: unknown) => this.logger.warn(`lease sweep failed: ${String(error)}`)), this.leaseMs / 2);
      this.sweeper.unref();
    }
  }

  /** Runs `work` under a lease whose heartbeat beats three times per lease time. */
  private async holdLease(jobId: string, queue: string, work: () => Promise<void>): Promise<void> {
    const sql = (text: string, values: unknown[]) => this.boss.getDb().executeSql(text, values);
    await sql(
      `INSERT INTO job_leases (job_id, queue, worker, heartbeat_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (job_id) DO UPDATE SET queue = EXCLUDED.queue, worker = EXCLUDED.worker, heartbeat_at = now()`,
      [jobId, queue, this.worker],
    );
    const beat = setInterval(() => {
      sql(`UPDATE job_leases SET heartbeat_at = now() WHERE job_id = $1 AND worker = $2`, [jobId, this.worker]).catch((error: unknown) =>
        this.logger.warn(`heartbeat of job ${jobId} failed: ${String(error)}`),
      );
    }, this.leaseMs / 3);
    beat.unref();
    try {
      await work();
    } finally {
      clearInterval(beat);
      await sql(`DELETE FROM job_leases WHERE job_id = $1 AND worker = $2`, [jobId, this.worker]).catch(() => undefined);
    }
  }

  /**
   * Jobs whose worker stopped beating: failed in the queue, which retries them (pg-boss
   * keeps the job id and its data); with no retry left, the queue's `onLost` is told.
   * Returns the ids of the jobs it took from dead workers.
   */
  async sweepLeases(): Promise<string[]> {
    const { rows } = (await this.boss.getDb().executeSql(
      `DELETE FROM job_leases WHERE heartbeat_at < now() - make_interval(secs => $1) RETURNING job_id, queue`,
      [this.leaseMs / 1000],
    )) as { rows: Array<{ job_id: string; queue: string }> };
    for (const { job_id: jobId, queue } of rows) {
      this.logger.warn(`job ${jobId} of ${queue} lost its worker; failing it so that it is retried`);
      await this.boss.fail(queue, jobId, { message: 'its worker stopped' });
      const job = await this.boss.getJobById<unknown>(queue, jobId);
      if (job?.state === 'failed') await this.lostHandlers.get(queue)?.(job.data);
    }
    return rows.map((row) => row.job_id);
  }

  /**
   * Sends a job to a registered queue on a cron schedule (UTC). Only processes that run
   * workers keep the clock; pg-boss sends each tick once however many of them there are.
   */
  async schedule(name: string, cron: string): Promise<void> {
    if (!this.options.runWorkers) return;
    await this.boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  async enqueue(name: string, data: object, singletonKey?: string): Promise<string | null> {
    const id = await this.boss.send(name, data, singletonKey ? { singletonKey } : {});
    // A worker in this process picks the job up at once instead of at its next poll.
    const worker = this.workers.get(name);
    if (worker) this.boss.notifyWorker(worker);
    return id;
  }
}
