import { Injectable } from '@nestjs/common';
import { type ClusterQuote, DEFAULT_PAGE_SIZE, type Page, type ProjectJobResponse } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import type { ClusterQuotesQueryDto, ProjectJobListQueryDto, UpdateProjectJobDto } from './dto/synthesis.dto';
import { ClusterReviewService } from './cluster-review.service';

interface JobRow {
  id: string;
  title: string;
  statement: string;
  cluster_id: string | null;
  quotes: number;
  participants: number;
  sources: number;
  stage_distribution: Record<string, number> | null;
  persona_ids: string[];
  created_at: Date;
  updated_at: Date;
}

const SORT: Record<string, string> = { title: 'lower(j.title)', quotes: 'quotes', createdAt: 'j.created_at' };

/** Evidence of a job: the members of the cluster that stands for it, and the personas of their people. */
const JOB_SELECT = `
  SELECT j.id, j.title, j.statement, j.cluster_id, j.created_at, j.updated_at,
         coalesce(c.size, 0) AS quotes, coalesce(c.participants, 0) AS participants, coalesce(c.sources, 0) AS sources,
         c.stage_distribution,
         coalesce((SELECT array_agg(DISTINCT persona_id ORDER BY persona_id) FROM (
            SELECT pa.persona_id FROM synthesis_cluster_members m JOIN quotes q ON q.id = m.quote_id
              JOIN utterances u ON u.id = q.utterance_id JOIN participants pa ON pa.id = u.participant_id
             WHERE m.cluster_id = j.cluster_id AND pa.persona_id IS NOT NULL
            UNION
            SELECT r.persona_id FROM synthesis_cluster_members m JOIN quotes q ON q.id = m.quote_id
              JOIN survey_responses r ON r.id = q.response_id
             WHERE m.cluster_id = j.cluster_id AND r.persona_id IS NOT NULL) AS personas), '{}') AS persona_ids
    FROM project_jobs j LEFT JOIN synthesis_clusters c ON c.id = j.cluster_id`;

function toResponse(row: JobRow): ProjectJobResponse {
  return {
    id: row.id,
    title: row.title,
    statement: row.statement,
    clusterId: row.cluster_id,
    quotes: row.quotes,
    participants: row.participants,
    sources: row.sources,
    personaIds: row.persona_ids,
    stageDistribution: row.stage_distribution ?? {},
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The project's jobs to be done: job clusters people accepted, kept across runs. */
@Injectable()
export class ProjectJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clusters: ClusterReviewService,
  ) {}

  async list(projectId: string, query: ProjectJobListQueryDto): Promise<Page<ProjectJobResponse>> {
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${JOB_SELECT} WHERE j.project_id = $1) AS j
        ORDER BY ${SORT[query.sort ?? 'createdAt'].replace('j.', '')} ${sqlOrder(query.order, query.sort === 'quotes' ? 'desc' : 'asc')}, id
        LIMIT $2 OFFSET $3`,
      [projectId, window.pageSize, window.skip],
    )) as Array<JobRow & { total: number }>;
    return { items: rows.map(toResponse), total: rows[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  async get(projectId: string, jobId: string): Promise<ProjectJobResponse> {
    const [row] = (await this.dataSource.query(`${JOB_SELECT} WHERE j.id = $1 AND j.project_id = $2`, [jobId, projectId])) as JobRow[];
    if (!row) throw DomainException.notFound('Job');
    return toResponse(row);
  }

  async update(projectId: string, jobId: string, dto: UpdateProjectJobDto): Promise<ProjectJobResponse> {
    await this.dataSource.transaction(async (manager) => {
      const [job] = (await manager.query(`SELECT id, cluster_id FROM project_jobs WHERE id = $1 AND project_id = $2 FOR UPDATE`, [jobId, projectId])) as Array<{
        id: string;
        cluster_id: string | null;
      }>;
      if (!job) throw DomainException.notFound('Job');
      await manager.query(`UPDATE project_jobs SET title = coalesce($2, title), statement = coalesce($3, statement), updated_at = now() WHERE id = $1`, [
        jobId,
        dto.title ?? null,
        dto.statement ?? null,
      ]);
      // The cluster that stands for the job shows the same words.
      await manager.query(
        `UPDATE synthesis_clusters c SET label = j.title, statement = j.statement, edited = true FROM project_jobs j WHERE j.id = $1 AND c.job_id = j.id`,
        [jobId],
      );
    });
    return this.get(projectId, jobId);
  }

  async quotes(projectId: string, jobId: string, query: ClusterQuotesQueryDto): Promise<Page<ClusterQuote>> {
    const job = await this.get(projectId, jobId);
    if (!job.clusterId) return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
    return this.clusters.memberQuotes(job.clusterId, query);
  }
}
