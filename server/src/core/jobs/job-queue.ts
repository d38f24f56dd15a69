import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  url: string;
  /** Run handlers in this process (the API by default, the worker always). */
  runWorkers: boolean;
}

export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

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
  private stopping = false;

  constructor(@Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions) {
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
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Declares a queue and, where this process runs workers, its handler. */
  async register<T extends object>(
    name: string,
    handler: JobHandler<T>,
    policy: { retryLimit: number; expireInSeconds: number; /** At most one job of the queue queued or active at a time. */ singleton?: boolean },
  ): Promise<void> {
    await this.boss.createQueue(name, {
      name,
      retryLimit: policy.retryLimit,
      retryBackoff: true,
      retryDelay: 2,
      expireInSeconds: policy.expireInSeconds,
      ...(policy.singleton ? { policy: 'singleton' as const } : {}),
    });
    if (!this.options.runWorkers) return;
    const id = await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      await handler(job.data, { id: job.id, retryCount: job.retryCount });
    });
    this.workers.set(name, id);
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
