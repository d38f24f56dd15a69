import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { StartSynthesisRequest, SynthesisPhase } from '@tropa/contracts';
import type { QuoteInput, SynthesisStep } from '@tropa/synthesis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { JobQueue } from '../../core/jobs/job-queue';
import { type EngineRun, EngineStopped, runEngine } from './engine/engine-runner';
import { loadInventory, loadQuotes, loadStages } from './synthesis-input';
import { loadPreviousClusters, type PreviousCluster, saveResults } from './synthesis-results';

export const SYNTHESIS_QUEUE = 'synthesis';

export interface SynthesisJobData {
  runId: string;
}

/** Where each engine step starts on the run's progress bar (loading before, saving after). */
const STEP_PROGRESS: Record<SynthesisStep, number> = { sentiment: 0.1, stages: 0.15, clustering: 0.25, touchpoints: 0.8 };
const SAVING_PROGRESS = 0.85;

/** This run is no longer ours: cancelled, or taken over by another worker after a missed heartbeat. */
class RunLost extends Error {}

/**
 * Executes synthesis runs from the queue. A run is claimed with a conditional UPDATE
 * (one worker at a time), keeps a heartbeat while it computes, and writes its
 * results and its final status in ONE transaction that only commits while this
 * worker still owns the run. A worker that dies leaves a stale heartbeat: any
 * other worker's sweeper puts the run back in the queue, and the restarted run
 * replaces whatever the dead one left, so no cluster is ever duplicated.
 */
@Injectable()
export class SynthesisRunner implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Synthesis');
  private readonly worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly engines = new Map<string, EngineRun>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.queue.register<SynthesisJobData>(SYNTHESIS_QUEUE, (data) => this.run(data.runId), { retryLimit: 2, expireInSeconds: 4 * 60 * 60 });
    if (this.config.workers !== 'inline') return;
    await this.reclaimStale();
    const every = Math.max(1000, (this.config.synthesisStaleSeconds * 1000) / 2);
    this.sweeper = setInterval(() => void this.reclaimStale().catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`)), every);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const engine of this.engines.values()) engine.stop();
  }

  /** Stops the engine of a run computing in this process (after a cancel). */
  stopLocal(runId: string): void {
    this.engines.get(runId)?.stop();
  }

  /** Runs whose worker stopped sending heartbeats go back to the queue. */
  async reclaimStale(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `UPDATE synthesis_runs SET status = 'queued', phase = 'queued', worker = NULL
        WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
        RETURNING id`,
      [this.config.synthesisStaleSeconds],
    )) as [Array<{ id: string }>, number];
    const ids = rows[0].map((row) => row.id);
    for (const id of ids) {
      this.logger.warn(`run ${id} lost its worker; restarting it`);
      await this.queue.enqueue(SYNTHESIS_QUEUE, { runId: id });
    }
    return ids;
  }

  async run(runId: string): Promise<void> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE synthesis_runs
          SET status = 'running', phase = 'loading', progress = 0, attempts = attempts + 1, worker = $2, heartbeat_at = now(),
              started_at = coalesce(started_at, now()), error = NULL
        WHERE id = $1 AND status = 'queued'
        RETURNING project_id, params`,
      [runId, this.worker],
    )) as [Array<{ project_id: string; params: StartSynthesisRequest }>, number];
    const run = claimed[0];
    if (!run) return; // finished, cancelled, or another worker has it
    const heartbeat = setInterval(() => void this.report(runId, null, null).catch(() => undefined), this.heartbeatMs());
    try {
      await this.execute(runId, run.project_id, run.params);
    } catch (error) {
      if (error instanceof RunLost || error instanceof EngineStopped) {
        this.logger.log(`run ${runId} stopped: cancelled or taken over`);
        return;
      }
      this.logger.error(`run ${runId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await this.dataSource.query(
        `UPDATE synthesis_runs SET status = 'failed', phase = 'failed', error = $3, finished_at = now()
          WHERE id = $1 AND worker = $2 AND status = 'running'`,
        [runId, this.worker, 'The synthesis failed unexpectedly. Retry it; if it fails again, the server log has the cause.'],
      );
    } finally {
      clearInterval(heartbeat);
      this.engines.delete(runId);
    }
  }

  private heartbeatMs(): number {
    return Math.min(5000, Math.max(500, (this.config.synthesisStaleSeconds * 1000) / 4));
  }

  /** Writes progress (or only the heartbeat) while the run is still this worker's; otherwise stops it. */
  private async report(runId: string, phase: SynthesisPhase | null, progress: number | null): Promise<void> {
    const result = (await this.dataSource.query(
      `UPDATE synthesis_runs SET heartbeat_at = now(), phase = coalesce($3, phase), progress = coalesce($4, progress)
        WHERE id = $1 AND worker = $2 AND status = 'running'`,
      [runId, this.worker, phase, progress],
    )) as [unknown[], number];
    if (result[1] === 0) {
      this.engines.get(runId)?.stop();
      throw new RunLost();
    }
  }

  private async execute(runId: string, projectId: string, params: StartSynthesisRequest): Promise<void> {
    const [quotes, stages, touchpoints, previous] = await Promise.all([
      loadQuotes(this.dataSource, projectId, params),
      loadStages(this.dataSource, projectId),
      loadInventory(this.dataSource, projectId),
      loadPreviousClusters(this.dataSource.manager, projectId, runId),
    ]);
    await this.report(runId, 'sentiment', STEP_PROGRESS.sentiment);
    if (quotes.length === 0) {
      await this.dataSource.query(
        `UPDATE synthesis_runs SET status = 'failed', phase = 'failed', error = $3, finished_at = now() WHERE id = $1 AND worker = $2 AND status = 'running'`,
        [runId, this.worker, 'No quotes match the run’s filters any more: add evidence or change the filters.'],
      );
      return;
    }
    const engine = runEngine(
      { quotes: seedAcceptedJobs(quotes, previous), stages, touchpoints, options: { seed: params.seed ?? 1, ...(params.k ? { k: params.k } : {}) } },
      (step, fraction) => {
        const progress = fraction >= 1 ? SAVING_PROGRESS : STEP_PROGRESS[step];
        void this.report(runId, step, progress).catch(() => undefined);
      },
    );
    this.engines.set(runId, engine);
    const result = await engine.result;
    await this.report(runId, 'saving', SAVING_PROGRESS);

    await this.dataSource.transaction(async (manager) => {
      // Lock the run: a cancel or a takeover waits for this commit or wins before it.
      const [owned] = (await manager.query(`SELECT id FROM synthesis_runs WHERE id = $1 AND worker = $2 AND status = 'running' FOR UPDATE`, [
        runId,
        this.worker,
      ])) as Array<{ id: string }>;
      if (!owned) throw new RunLost();
      const saved = await saveResults(manager, { id: runId, projectId }, result, previous, quotes.length);
      await manager.query(
        `UPDATE synthesis_runs SET status = 'succeeded', phase = 'done', progress = 1, finished_at = now(), heartbeat_at = now(),
                engine_version = $2, counts = $3, changes = $4, summary = $5
          WHERE id = $1`,
        [runId, result.engineVersion, JSON.stringify(saved.counts), saved.changes ? JSON.stringify(saved.changes) : null, JSON.stringify(saved.summary)],
      );
    });
    this.logger.log(`run ${runId} done: ${quotes.length} quotes`);
  }
}

/**
 * Quotes of jobs people accepted in the previous run start together in the new run's
 * clustering (the engine's semi-supervised seeding), so an accepted job holds its shape
 * while new evidence arrives.
 */
export function seedAcceptedJobs(quotes: QuoteInput[], previous: PreviousCluster[] | null): QuoteInput[] {
  const jobOf = new Map<string, { id: string; name: string }>();
  for (const cluster of previous ?? []) {
    if (cluster.status !== 'accepted' || !cluster.jobId) continue;
    for (const quoteId of cluster.memberIds) jobOf.set(quoteId, { id: `accepted:${cluster.jobId}`, name: cluster.jobTitle ?? cluster.label });
  }
  if (jobOf.size === 0) return quotes;
  return quotes.map((quote) => {
    const job = jobOf.get(quote.id);
    return job ? { ...quote, tags: [{ kind: 'job' as const, ...job }, ...(quote.tags ?? [])] } : quote;
  });
}
