import { Injectable } from '@nestjs/common';
import type { ChannelKind, ClusterKind, ClusterQuote, ClusterResponse, ClusterStatus, Page } from '@tropa/contracts';
import { CHANNEL_KINDS } from '@tropa/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import type { ClusterListQueryDto, ClusterQuotesQueryDto, MergeClustersDto, MoveQuotesDto, SplitClusterDto, UpdateClusterDto } from './dto/synthesis.dto';
import { recountClusters, TAGGED_STAGE_SQL } from './synthesis-results';

interface ClusterRow {
  id: string;
  run_id: string;
  kind: ClusterKind;
  status: ClusterStatus;
  label: string;
  keywords: string[];
  statement: string | null;
  statement_parts: ClusterResponse['statementParts'];
  edited: boolean;
  cohesion: number | null;
  size: number;
  participants: number;
  sources: number;
  mean_sentiment: number | null;
  stage_distribution: Record<string, number>;
  touchpoint_id: string | null;
  channel: ChannelKind | null;
  job_id: string | null;
  change: ClusterResponse['change'];
  previous_cluster_id: string | null;
  position: number;
}

interface QuoteRow {
  cluster_id?: string;
  quote_id: string;
  text: string;
  score: number | null;
  representative: boolean;
  source_type: ClusterQuote['sourceType'];
  session_id: string | null;
  utterance_id: string | null;
  survey_id: string | null;
  response_id: string | null;
  participant_key: string | null;
  tagged_stage: string | null;
  inferred_stage: string | null;
  sentiment: number | null;
}

const CLUSTER_COLUMNS = `c.id, c.run_id, c.kind, c.status, c.label, c.keywords, c.statement, c.statement_parts, c.edited, c.cohesion, c.size, c.participants,
  c.sources, c.mean_sentiment, c.stage_distribution, c.touchpoint_id, c.channel, c.job_id, c.change, c.previous_cluster_id, c.position`;

/** Columns of a member quote as evidence; needs aliases m (member), q (quote), c (cluster). */
const QUOTE_COLUMNS = `q.id AS quote_id, q.text, m.score, m.representative, q.source_type, q.session_id, q.utterance_id, q.survey_id, q.response_id,
  q.participant_key, ${TAGGED_STAGE_SQL('q')} AS tagged_stage, i.stage_id AS inferred_stage, coalesce(q.sentiment::real, i.sentiment) AS sentiment`;

function toClusterQuote(row: QuoteRow): ClusterQuote {
  return {
    quoteId: row.quote_id,
    text: row.text,
    score: row.score,
    representative: row.representative,
    sourceType: row.source_type,
    sessionId: row.session_id,
    utteranceId: row.utterance_id,
    surveyId: row.survey_id,
    responseId: row.response_id,
    participantKey: row.participant_key,
    stageId: row.tagged_stage ?? row.inferred_stage,
    stageInferred: row.tagged_stage === null && row.inferred_stage !== null,
    sentiment: row.sentiment,
  };
}

const SORT: Record<string, string> = { size: 'c.size', label: 'lower(c.label)', cohesion: 'c.cohesion' };
const REPRESENTATIVES = 5;
const REVIEWABLE: ClusterStatus[] = ['proposed', 'accepted'];
const OFFLINE_CHANNELS: ChannelKind[] = ['store', 'call_centre', 'word_of_mouth'];

/**
 * What people do with a run's clusters: read them with their evidence, rename,
 * edit the JTBD statement, accept (a job joins the project's jobs, a discovered
 * touchpoint joins the inventory), discard, merge, split and move quotes. Only
 * the project's latest finished run is edited: older runs are history.
 */
@Injectable()
export class ClusterReviewService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, runId: string, query: ClusterListQueryDto): Promise<Page<ClusterResponse>> {
    const [run] = (await this.dataSource.query(`SELECT id FROM synthesis_runs WHERE id = $1 AND project_id = $2`, [runId, projectId])) as unknown[];
    if (!run) throw DomainException.notFound('Synthesis run');
    const window = pageWindow(query);
    const params: unknown[] = [runId];
    let where = 'c.run_id = $1';
    if (query.kind) {
      params.push(query.kind);
      where += ` AND c.kind = $${params.length}`;
    }
    if (query.status) {
      params.push(query.status);
      where += ` AND c.status = $${params.length}`;
    } else where += ` AND c.status <> 'merged'`;
    const order = query.sort ? `${SORT[query.sort]} ${sqlOrder(query.order)} NULLS LAST, c.position` : 'c.position';
    params.push(window.pageSize, window.skip);
    const rows = (await this.dataSource.query(
      `SELECT ${CLUSTER_COLUMNS}, count(*) OVER ()::int AS total FROM synthesis_clusters c WHERE ${where}
        ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as Array<ClusterRow & { total: number }>;
    const items = await this.withRepresentatives(rows);
    return { items, total: rows[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  async get(projectId: string, clusterId: string): Promise<ClusterResponse> {
    const row = await this.find(this.dataSource.manager, projectId, clusterId);
    const [cluster] = await this.withRepresentatives([row]);
    return cluster;
  }

  async quotes(projectId: string, clusterId: string, query: ClusterQuotesQueryDto): Promise<Page<ClusterQuote>> {
    await this.find(this.dataSource.manager, projectId, clusterId);
    return this.memberQuotes(clusterId, query);
  }

  /** A cluster's quotes as evidence, best score first (quotes a person moved in last). */
  async memberQuotes(clusterId: string, query: ClusterQuotesQueryDto): Promise<Page<ClusterQuote>> {
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT ${QUOTE_COLUMNS}, count(*) OVER ()::int AS total
         FROM synthesis_cluster_members m
         JOIN synthesis_clusters c ON c.id = m.cluster_id
         JOIN quotes q ON q.id = m.quote_id
         LEFT JOIN synthesis_quote_inferences i ON i.run_id = c.run_id AND i.quote_id = q.id
        WHERE m.cluster_id = $1
        ORDER BY m.score ${sqlOrder(query.order, 'desc')} NULLS LAST, q.id
        LIMIT $2 OFFSET $3`,
      [clusterId, window.pageSize, window.skip],
    )) as Array<QuoteRow & { total: number }>;
    return { items: rows.map(toClusterQuote), total: rows[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  async update(projectId: string, clusterId: string, dto: UpdateClusterDto): Promise<ClusterResponse> {
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.editable(manager, projectId, clusterId);
      const label = dto.label ?? cluster.label;
      const statement = dto.statement === undefined ? cluster.statement : dto.statement;
      await manager.query(`UPDATE synthesis_clusters SET label = $2, statement = $3, edited = true WHERE id = $1`, [clusterId, label, statement]);
      if (cluster.job_id) {
        await manager.query(`UPDATE project_jobs SET title = $2, statement = $3, updated_at = now() WHERE id = $1`, [cluster.job_id, label, statement ?? '']);
      }
    });
    return this.get(projectId, clusterId);
  }

  async accept(projectId: string, clusterId: string, userId: string): Promise<ClusterResponse> {
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.editable(manager, projectId, clusterId);
      if (cluster.kind === 'job' && !cluster.job_id) {
        const [job] = (await manager.query(
          `INSERT INTO project_jobs (project_id, title, statement, cluster_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [projectId, cluster.label, cluster.statement ?? '', clusterId, userId],
        )) as Array<{ id: string }>;
        await manager.query(`UPDATE synthesis_clusters SET job_id = $2 WHERE id = $1`, [clusterId, job.id]);
      }
      if (cluster.kind === 'touchpoint' && !cluster.touchpoint_id) {
        const touchpointId = await this.joinInventory(manager, projectId, cluster);
        await manager.query(`UPDATE synthesis_clusters SET touchpoint_id = $2 WHERE id = $1`, [clusterId, touchpointId]);
      }
      await manager.query(`UPDATE synthesis_clusters SET status = 'accepted' WHERE id = $1`, [clusterId]);
    });
    return this.get(projectId, clusterId);
  }

  async discard(projectId: string, clusterId: string): Promise<ClusterResponse> {
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.editable(manager, projectId, clusterId);
      // A discarded job leaves the project's jobs list: the decision is the person's, and explicit.
      if (cluster.job_id) await manager.query(`DELETE FROM project_jobs WHERE id = $1`, [cluster.job_id]);
      await manager.query(`UPDATE synthesis_clusters SET status = 'discarded', job_id = NULL WHERE id = $1`, [clusterId]);
    });
    return this.get(projectId, clusterId);
  }

  async merge(projectId: string, clusterId: string, dto: MergeClustersDto): Promise<ClusterResponse> {
    const others = [...new Set(dto.clusterIds)].filter((id) => id !== clusterId);
    if (others.length === 0) throw DomainException.invalid('clusterIds', 'clusterIds must name other clusters than the one they merge into');
    await this.dataSource.transaction(async (manager) => {
      const target = await this.editable(manager, projectId, clusterId);
      const rows = (await manager.query(`SELECT ${CLUSTER_COLUMNS} FROM synthesis_clusters c WHERE c.id = ANY($1::uuid[]) AND c.project_id = $2 FOR UPDATE`, [
        others,
        projectId,
      ])) as ClusterRow[];
      if (rows.length !== others.length) throw DomainException.invalid('clusterIds', 'clusterIds must be clusters of this project');
      if (rows.some((row) => row.run_id !== target.run_id)) throw DomainException.invalid('clusterIds', 'Only clusters of the same run can be merged');
      if (rows.some((row) => !REVIEWABLE.includes(row.status))) throw DomainException.invalid('clusterIds', 'Discarded or merged clusters cannot be merged');
      if (rows.some((row) => row.kind !== target.kind)) throw DomainException.invalid('clusterIds', 'Only clusters of the same kind can be merged');
      await manager.query(
        `INSERT INTO synthesis_cluster_members (cluster_id, quote_id, score, representative)
         SELECT $1, quote_id, NULL, false FROM synthesis_cluster_members WHERE cluster_id = ANY($2::uuid[])
         ON CONFLICT (cluster_id, quote_id) DO NOTHING`,
        [clusterId, others],
      );
      await manager.query(`DELETE FROM synthesis_cluster_members WHERE cluster_id = ANY($1::uuid[])`, [others]);
      const jobs = rows.map((row) => row.job_id).filter((id): id is string => id !== null);
      if (jobs.length) await manager.query(`DELETE FROM project_jobs WHERE id = ANY($1::uuid[])`, [jobs]);
      await manager.query(`UPDATE synthesis_clusters SET status = 'merged', merged_into = $2, job_id = NULL, size = 0 WHERE id = ANY($1::uuid[])`, [others, clusterId]);
      await recountClusters(manager, [clusterId]);
    });
    return this.get(projectId, clusterId);
  }

  async split(projectId: string, clusterId: string, dto: SplitClusterDto): Promise<ClusterResponse> {
    const quoteIds = [...new Set(dto.quoteIds)];
    const newId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.editable(manager, projectId, clusterId);
      const members = await this.membersAmong(manager, clusterId, quoteIds);
      if (members !== quoteIds.length) throw DomainException.invalid('quoteIds', 'quoteIds must all be quotes of this cluster');
      if (quoteIds.length >= cluster.size) throw DomainException.invalid('quoteIds', 'A split must leave at least one quote in the cluster');
      const [{ position }] = (await manager.query(`SELECT max(position) + 1 AS position FROM synthesis_clusters WHERE run_id = $1`, [cluster.run_id])) as Array<{
        position: number;
      }>;
      await manager.query(
        `INSERT INTO synthesis_clusters (id, run_id, project_id, kind, status, position, label, keywords, edited, touchpoint_id, touchpoint_key, channel, change)
         SELECT $2, run_id, project_id, kind, 'proposed', $3, $4, keywords, true, NULL, touchpoint_key, channel, 'new' FROM synthesis_clusters WHERE id = $1`,
        [clusterId, newId, position, dto.label ?? `${cluster.label} (2)`.slice(0, 300)],
      );
      await this.moveMembers(manager, clusterId, newId, quoteIds);
      await recountClusters(manager, [clusterId, newId]);
    });
    return this.get(projectId, newId);
  }

  async move(projectId: string, clusterId: string, dto: MoveQuotesDto): Promise<{ moved: number }> {
    const quoteIds = [...new Set(dto.quoteIds)];
    if (dto.toClusterId === clusterId) throw DomainException.invalid('toClusterId', 'toClusterId must be another cluster');
    return this.dataSource.transaction(async (manager) => {
      const from = await this.editable(manager, projectId, clusterId);
      const [to] = (await manager.query(`SELECT ${CLUSTER_COLUMNS} FROM synthesis_clusters c WHERE c.id = $1 AND c.project_id = $2 FOR UPDATE`, [
        dto.toClusterId,
        projectId,
      ])) as ClusterRow[];
      if (!to) throw DomainException.invalid('toClusterId', 'toClusterId must be a cluster of this project');
      if (to.run_id !== from.run_id) throw DomainException.invalid('toClusterId', 'Quotes move only between clusters of the same run');
      if (!REVIEWABLE.includes(to.status)) throw DomainException.invalid('toClusterId', 'Quotes cannot move into a discarded or merged cluster');
      const members = await this.membersAmong(manager, clusterId, quoteIds);
      if (members !== quoteIds.length) throw DomainException.invalid('quoteIds', 'quoteIds must all be quotes of this cluster');
      await this.moveMembers(manager, clusterId, dto.toClusterId, quoteIds);
      await recountClusters(manager, [clusterId, dto.toClusterId]);
      return { moved: quoteIds.length };
    });
  }

  private async moveMembers(manager: EntityManager, fromId: string, toId: string, quoteIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO synthesis_cluster_members (cluster_id, quote_id, score, representative)
       SELECT $2, quote_id, NULL, false FROM synthesis_cluster_members WHERE cluster_id = $1 AND quote_id = ANY($3::uuid[])
       ON CONFLICT (cluster_id, quote_id) DO NOTHING`,
      [fromId, toId, quoteIds],
    );
    await manager.query(`DELETE FROM synthesis_cluster_members WHERE cluster_id = $1 AND quote_id = ANY($2::uuid[])`, [fromId, quoteIds]);
  }

  private async membersAmong(manager: EntityManager, clusterId: string, quoteIds: string[]): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM synthesis_cluster_members WHERE cluster_id = $1 AND quote_id = ANY($2::uuid[])`, [
      clusterId,
      quoteIds,
    ])) as Array<{ n: number }>;
    return row.n;
  }

  /** A discovered touchpoint joins the inventory (or links to the inventory entry of the same name). */
  private async joinInventory(manager: EntityManager, projectId: string, cluster: ClusterRow): Promise<string> {
    const channel: ChannelKind = cluster.channel && CHANNEL_KINDS.includes(cluster.channel) ? cluster.channel : 'other';
    const [row] = (await manager.query(
      `INSERT INTO touchpoints (project_id, name, channel, online, origin)
       VALUES ($1, $2, $3, $4, 'discovered')
       ON CONFLICT (project_id, lower(name)) DO UPDATE SET updated_at = now()
       RETURNING id`,
      [projectId, cluster.label.slice(0, 200), channel, !OFFLINE_CHANNELS.includes(channel)],
    )) as Array<{ id: string }>;
    return row.id;
  }

  private async find(manager: EntityManager, projectId: string, clusterId: string, lock = false): Promise<ClusterRow> {
    const [row] = (await manager.query(
      `SELECT ${CLUSTER_COLUMNS} FROM synthesis_clusters c WHERE c.id = $1 AND c.project_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [clusterId, projectId],
    )) as ClusterRow[];
    if (!row) throw DomainException.notFound('Cluster');
    return row;
  }

  /** A cluster people may change: of the latest finished run, not merged or discarded. */
  private async editable(manager: EntityManager, projectId: string, clusterId: string): Promise<ClusterRow> {
    const cluster = await this.find(manager, projectId, clusterId, true);
    const [latest] = (await manager.query(
      `SELECT id FROM synthesis_runs WHERE project_id = $1 AND status = 'succeeded' ORDER BY finished_at DESC, created_at DESC LIMIT 1`,
      [projectId],
    )) as Array<{ id: string }>;
    if (latest?.id !== cluster.run_id) throw DomainException.conflict('runId', 'This cluster belongs to an older run: review the latest run');
    if (!REVIEWABLE.includes(cluster.status)) throw DomainException.conflict('status', `The cluster is ${cluster.status}`);
    return cluster;
  }

  private async withRepresentatives(rows: ClusterRow[]): Promise<ClusterResponse[]> {
    if (rows.length === 0) return [];
    const quotes = (await this.dataSource.query(
      `SELECT r.* FROM unnest($1::uuid[]) AS ids(id)
         CROSS JOIN LATERAL (
           SELECT m.cluster_id, ${QUOTE_COLUMNS}
             FROM synthesis_cluster_members m
             JOIN synthesis_clusters c ON c.id = m.cluster_id
             JOIN quotes q ON q.id = m.quote_id
             LEFT JOIN synthesis_quote_inferences i ON i.run_id = c.run_id AND i.quote_id = q.id
            WHERE m.cluster_id = ids.id
            ORDER BY m.representative DESC, m.score DESC NULLS LAST, q.id
            LIMIT ${REPRESENTATIVES}
         ) AS r`,
      [rows.map((row) => row.id)],
    )) as QuoteRow[];
    const byCluster = new Map<string, ClusterQuote[]>();
    for (const quote of quotes) {
      const list = byCluster.get(quote.cluster_id!) ?? [];
      list.push(toClusterQuote(quote));
      byCluster.set(quote.cluster_id!, list);
    }
    return rows.map((row) => ({
      id: row.id,
      runId: row.run_id,
      kind: row.kind,
      status: row.status,
      label: row.label,
      keywords: row.keywords,
      statement: row.statement,
      statementParts: row.statement_parts,
      edited: row.edited,
      cohesion: row.cohesion,
      size: row.size,
      participants: row.participants,
      sources: row.sources,
      meanSentiment: row.mean_sentiment,
      stageDistribution: row.stage_distribution,
      touchpointId: row.touchpoint_id,
      channel: row.channel,
      jobId: row.job_id,
      change: row.change,
      previousClusterId: row.previous_cluster_id,
      representatives: byCluster.get(row.id) ?? [],
    }));
  }
}
