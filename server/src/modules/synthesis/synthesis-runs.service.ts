import { Injectable } from '@nestjs/common';
import type { ClusterKind, Page, RunComparisonResponse, StartSynthesisRequest, SynthesisRunResponse } from '@tropa/contracts';
import { matchClusters } from '@tropa/synthesis';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import { JobQueue } from '../../core/jobs/job-queue';
import type { SynthesisRunListQueryDto } from './dto/synthesis.dto';
import { countQuotes } from './synthesis-input';
import { SYNTHESIS_QUEUE, SynthesisRunner } from './synthesis-runner';

interface RunRow {
  id: string;
  status: SynthesisRunResponse['status'];
  phase: SynthesisRunResponse['phase'];
  progress: number;
  params: StartSynthesisRequest;
  engine_version: string | null;
  counts: SynthesisRunResponse['counts'];
  changes: SynthesisRunResponse['changes'];
  summary: { silent?: Array<{ touchpointId: string; name: string }> } | null;
  error: string | null;
  attempts: number;
  started_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const RUN_COLUMNS = `id, status, phase, progress, params, engine_version, counts, changes, summary, error, attempts, started_by, created_at, started_at, finished_at`;

function toRunResponse(row: RunRow): SynthesisRunResponse {
  return {
    id: row.id,
    status: row.status,
    phase: row.phase,
    progress: row.progress,
    params: row.params,
    engineVersion: row.engine_version,
    counts: row.counts,
    changes: row.changes,
    silentTouchpoints: (row.summary?.silent ?? []).map((t) => ({ touchpointId: t.touchpointId, name: t.name })),
    error: row.error,
    attempts: row.attempts,
    startedBy: row.started_by,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

const ACTIVE_RUN = 'A synthesis is already running on this project: wait for it or cancel it';

@Injectable()
export class SynthesisRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly runner: SynthesisRunner,
  ) {}

  async start(projectId: string, request: StartSynthesisRequest, userId: string): Promise<SynthesisRunResponse> {
    if (request.from && request.to && request.from > request.to) throw DomainException.invalid('to', 'to must not be before from');
    await this.assertFiltersBelong(projectId, request);
    const quotes = await countQuotes(this.dataSource, projectId, request);
    if (quotes === 0) {
      throw new DomainException(DomainErrorCode.Unprocessable, 'There are no quotes to synthesise: highlight transcript passages or collect open survey answers first', [
        { field: 'quotes', message: 'no quotes match' },
      ]);
    }
    if (request.k !== undefined && request.k > quotes) throw DomainException.invalid('k', `k must not exceed the number of quotes (${quotes})`);
    const params: StartSynthesisRequest = { ...request, seed: request.seed ?? 1 };
    const rows = (await this.dataSource
      .query(`INSERT INTO synthesis_runs (project_id, params, started_by) VALUES ($1, $2, $3) RETURNING ${RUN_COLUMNS}`, [projectId, JSON.stringify(params), userId])
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainException(DomainErrorCode.Conflict, ACTIVE_RUN, [{ field: 'run', message: ACTIVE_RUN }]);
        throw error;
      })) as RunRow[];
    await this.enqueue(rows[0].id);
    return toRunResponse(rows[0]);
  }

  async list(projectId: string, query: SynthesisRunListQueryDto): Promise<Page<SynthesisRunResponse>> {
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT ${RUN_COLUMNS}, count(*) OVER ()::int AS total FROM synthesis_runs WHERE project_id = $1
        ORDER BY created_at ${sqlOrder(query.order, 'desc')}, id LIMIT $2 OFFSET $3`,
      [projectId, window.pageSize, window.skip],
    )) as Array<RunRow & { total: number }>;
    const total = rows[0]?.total ?? (window.skip > 0 ? await this.count(projectId) : 0);
    return { items: rows.map(toRunResponse), total, page: window.page, pageSize: window.pageSize };
  }

  async get(projectId: string, runId: string): Promise<SynthesisRunResponse> {
    return toRunResponse(await this.find(projectId, runId));
  }

  async cancel(projectId: string, runId: string): Promise<SynthesisRunResponse> {
    const run = await this.find(projectId, runId);
    const [rows] = (await this.dataSource.query(
      `UPDATE synthesis_runs SET status = 'cancelled', phase = 'cancelled', finished_at = now(), worker = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${RUN_COLUMNS}`,
      [runId],
    )) as [RunRow[], number];
    if (!rows[0]) throw DomainException.conflict('status', `The run has already ${run.status === 'cancelled' ? 'been cancelled' : 'finished'}`);
    this.runner.stopLocal(runId);
    return toRunResponse(rows[0]);
  }

  async retry(projectId: string, runId: string): Promise<SynthesisRunResponse> {
    const run = await this.find(projectId, runId);
    if (run.status !== 'failed' && run.status !== 'cancelled') throw DomainException.conflict('status', 'Only a failed or cancelled run can be retried');
    const [rows] = (await this.dataSource
      .query(
        `UPDATE synthesis_runs SET status = 'queued', phase = 'queued', progress = 0, error = NULL, finished_at = NULL, worker = NULL
          WHERE id = $1 AND status IN ('failed', 'cancelled') RETURNING ${RUN_COLUMNS}`,
        [runId],
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainException(DomainErrorCode.Conflict, ACTIVE_RUN, [{ field: 'run', message: ACTIVE_RUN }]);
        throw error;
      })) as [RunRow[], number];
    if (!rows[0]) throw DomainException.conflict('status', 'Only a failed or cancelled run can be retried');
    await this.enqueue(runId);
    return toRunResponse(rows[0]);
  }

  /** Clusters added, removed and changed from an older run `fromId` to this run. */
  async compare(projectId: string, runId: string, fromId: string): Promise<RunComparisonResponse> {
    const [to, from] = await Promise.all([this.find(projectId, runId), this.find(projectId, fromId, 'with')]);
    for (const [run, field] of [
      [to, 'runId'],
      [from, 'with'],
    ] as const) {
      if (run.status !== 'succeeded') throw DomainException.invalid(field, 'Only finished runs can be compared');
    }
    const [before, after] = await Promise.all([this.clustersOf(fromId), this.clustersOf(runId)]);
    const matching = matchClusters(before, after);
    const beforeById = new Map(before.map((c) => [c.id, c]));
    const afterById = new Map(after.map((c) => [c.id, c]));
    const brief = (c: { id: string; label: string; kind: ClusterKind; memberIds: string[] }) => ({ clusterId: c.id, label: c.label, kind: c.kind, size: c.memberIds.length });
    return {
      from: fromId,
      to: runId,
      added: matching.added.map((id) => brief(afterById.get(id)!)),
      removed: matching.removed.map((id) => brief(beforeById.get(id)!)),
      changed: matching.pairs
        .filter((pair) => pair.change !== 'same' || pair.overlap < 1)
        .map((pair) => ({
          fromClusterId: pair.previousId,
          toClusterId: pair.nextId,
          label: afterById.get(pair.nextId)!.label,
          kind: afterById.get(pair.nextId)!.kind,
          sizeBefore: pair.sizeBefore,
          sizeAfter: pair.sizeAfter,
          overlap: pair.overlap,
        })),
    };
  }

  private async clustersOf(runId: string): Promise<Array<{ id: string; label: string; kind: ClusterKind; memberIds: string[] }>> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.label, c.kind, coalesce(array_agg(m.quote_id ORDER BY m.quote_id) FILTER (WHERE m.quote_id IS NOT NULL), '{}') AS members
         FROM synthesis_clusters c LEFT JOIN synthesis_cluster_members m ON m.cluster_id = c.id
        WHERE c.run_id = $1 AND c.status NOT IN ('merged', 'discarded')
        GROUP BY c.id ORDER BY c.position`,
      [runId],
    )) as Array<{ id: string; label: string; kind: ClusterKind; members: string[] }>;
    return rows.map((row) => ({ id: row.id, label: row.label, kind: row.kind, memberIds: row.members }));
  }

  private async enqueue(runId: string): Promise<void> {
    try {
      await this.queue.enqueue(SYNTHESIS_QUEUE, { runId });
    } catch (error) {
      await this.dataSource.query(`UPDATE synthesis_runs SET status = 'failed', phase = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
        runId,
        'The run could not be queued; retry it',
      ]);
      throw error;
    }
  }

  private async count(projectId: string): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM synthesis_runs WHERE project_id = $1`, [projectId])) as Array<{ n: number }>;
    return row.n;
  }

  private async find(projectId: string, runId: string, field?: string): Promise<RunRow> {
    const [row] = (await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM synthesis_runs WHERE id = $1 AND project_id = $2`, [runId, projectId])) as RunRow[];
    if (!row) {
      if (field) throw DomainException.invalid(field, `${field} is not a run of this project`);
      throw DomainException.notFound('Synthesis run');
    }
    return row;
  }

  /** Filter ids of another project would silently match nothing: say so instead. */
  private async assertFiltersBelong(projectId: string, request: StartSynthesisRequest): Promise<void> {
    const checks: Array<[keyof StartSynthesisRequest, string]> = [
      ['personaId', 'personas'],
      ['sessionId', 'research_sessions'],
      ['surveyId', 'surveys'],
    ];
    for (const [field, table] of checks) {
      const id = request[field];
      if (!id) continue;
      const [row] = (await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1 AND project_id = $2`, [id, projectId])) as unknown[];
      if (!row) throw DomainException.invalid(field, `${field} is not in this project`);
    }
  }
}
