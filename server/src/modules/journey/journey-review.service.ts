import { Injectable } from '@nestjs/common';
import type { CommentResponse, CreateRecommendationRequest, EvidenceStrength, Page, RecommendationResponse, UpdateRecommendationRequest } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow } from '../../core/http/page-query.dto';
import type { PageQueryDto } from '../../core/http/page-query.dto';
import { assertStageOfProject, latestRunId } from './journey-inputs';
import { JourneyMapsService } from './journey-maps.service';

const STRENGTH_WEIGHT: Record<EvidenceStrength['level'], number> = { weak: 1, moderate: 2, strong: 3 };

interface RecommendationRow {
  id: string;
  text: string;
  stage_id: string | null;
  kpi: RecommendationResponse['kpi'];
  expected_effect: string;
  impact: number;
  effort: number;
  owner_department: string;
  status: RecommendationResponse['status'];
  created_at: Date;
  updated_at: Date;
  finding_ids: string[];
  evidence_weight: number;
}

/**
 * Priority = impact × evidence ÷ effort, where evidence is the strongest level among the
 * linked findings (weak 1, moderate 2, strong 3; 1 with no finding): a recommendation
 * resting on strong evidence with a large impact and little effort comes first.
 */
export function priorityOf(impact: number, effort: number, evidenceWeight: number): number {
  return Math.round(((impact * evidenceWeight) / effort) * 100) / 100;
}

function toRecommendation(row: RecommendationRow): RecommendationResponse {
  return {
    id: row.id,
    text: row.text,
    findingIds: row.finding_ids,
    stageId: row.stage_id,
    kpi: row.kpi,
    expectedEffect: row.expected_effect,
    impact: row.impact,
    effort: row.effort,
    priority: priorityOf(row.impact, row.effort, row.evidence_weight),
    ownerDepartment: row.owner_department,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const RECOMMENDATION_SELECT = `
  SELECT r.id, r.text, r.stage_id, r.kpi, r.expected_effect, r.impact, r.effort, r.owner_department, r.status, r.created_at, r.updated_at,
         coalesce(array_agg(rf.finding_id ORDER BY rf.finding_id) FILTER (WHERE rf.finding_id IS NOT NULL), '{}') AS finding_ids,
         coalesce(max(CASE f.strength->>'level' WHEN 'strong' THEN ${STRENGTH_WEIGHT.strong} WHEN 'moderate' THEN ${STRENGTH_WEIGHT.moderate} ELSE ${STRENGTH_WEIGHT.weak} END), 1) AS evidence_weight
    FROM recommendations r
    LEFT JOIN recommendation_findings rf ON rf.recommendation_id = r.id
    LEFT JOIN journey_findings f ON f.id = rf.finding_id`;

/** Comments on findings, and recommendations tied to findings, a stage and a KPI. */
@Injectable()
export class JourneyReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maps: JourneyMapsService,
  ) {}

  async comments(projectId: string, findingId: string, query: PageQueryDto): Promise<Page<CommentResponse>> {
    await this.maps.finding(this.dataSource.manager, projectId, findingId);
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.finding_id, c.text, c.author_id, u.display_name, c.created_at, count(*) OVER ()::int AS total
         FROM finding_comments c LEFT JOIN users u ON u.id = c.author_id
        WHERE c.finding_id = $1 ORDER BY c.created_at, c.id LIMIT $2 OFFSET $3`,
      [findingId, window.pageSize, window.skip],
    )) as Array<{ id: string; finding_id: string; text: string; author_id: string | null; display_name: string | null; created_at: Date; total: number }>;
    return {
      items: rows.map((row) => ({ id: row.id, findingId: row.finding_id, text: row.text, authorId: row.author_id, authorName: row.display_name, createdAt: row.created_at.toISOString() })),
      total: rows[0]?.total ?? 0,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async comment(projectId: string, findingId: string, text: string, userId: string): Promise<CommentResponse> {
    await this.maps.finding(this.dataSource.manager, projectId, findingId);
    const [row] = (await this.dataSource.query(`INSERT INTO finding_comments (finding_id, text, author_id) VALUES ($1, $2, $3) RETURNING id, created_at`, [
      findingId,
      text,
      userId,
    ])) as Array<{ id: string; created_at: Date }>;
    const [user] = (await this.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [userId])) as Array<{ display_name: string }>;
    return { id: row.id, findingId, text, authorId: userId, authorName: user?.display_name ?? null, createdAt: row.created_at.toISOString() };
  }

  async recommendations(projectId: string, personaId: string | null, query: PageQueryDto & { sort?: 'priority' | 'createdAt' }): Promise<Page<RecommendationResponse>> {
    const map = await this.maps.mapFor(projectId, personaId);
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(`${RECOMMENDATION_SELECT} WHERE r.map_id = $1 GROUP BY r.id`, [map.id])) as RecommendationRow[];
    const items = rows.map(toRecommendation);
    const desc = (query.order ?? 'desc') === 'desc' ? -1 : 1;
    items.sort((a, b) =>
      query.sort === 'createdAt' ? desc * a.createdAt.localeCompare(b.createdAt) : desc * (a.priority - b.priority) || a.createdAt.localeCompare(b.createdAt),
    );
    return { items: items.slice(window.skip, window.skip + window.pageSize), total: items.length, page: window.page, pageSize: window.pageSize };
  }

  async createRecommendation(projectId: string, personaId: string | null, request: CreateRecommendationRequest, userId: string): Promise<RecommendationResponse> {
    const map = await this.maps.mapFor(projectId, personaId);
    const id = await this.dataSource.transaction(async (manager) => {
      const findingIds = await this.checkLinks(manager, map.id, projectId, request);
      const owner = request.ownerDepartment ?? (await this.defaultOwner(manager, projectId, findingIds));
      const [row] = (await manager.query(
        `INSERT INTO recommendations (map_id, text, stage_id, kpi, expected_effect, impact, effort, owner_department, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          map.id,
          request.text,
          request.stageId ?? null,
          request.kpi ?? null,
          request.expectedEffect ?? '',
          request.impact ?? 3,
          request.effort ?? 3,
          owner,
          request.status ?? 'proposed',
          userId,
        ],
      )) as Array<{ id: string }>;
      await this.link(manager, row.id, findingIds);
      return row.id;
    });
    return this.recommendation(projectId, id);
  }

  async updateRecommendation(projectId: string, id: string, request: UpdateRecommendationRequest): Promise<RecommendationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT r.id, r.map_id FROM recommendations r JOIN journey_maps m ON m.id = r.map_id WHERE r.id = $1 AND m.project_id = $2 FOR UPDATE OF r`,
        [id, projectId],
      )) as Array<{ id: string; map_id: string }>;
      if (!row) throw DomainException.notFound('Recommendation');
      const findingIds = await this.checkLinks(manager, row.map_id, projectId, request);
      const columns: Array<[string, unknown]> = [];
      if (request.text !== undefined) columns.push(['text', request.text]);
      if (request.stageId !== undefined) columns.push(['stage_id', request.stageId]);
      if (request.kpi !== undefined) columns.push(['kpi', request.kpi]);
      if (request.expectedEffect !== undefined) columns.push(['expected_effect', request.expectedEffect]);
      if (request.impact !== undefined) columns.push(['impact', request.impact]);
      if (request.effort !== undefined) columns.push(['effort', request.effort]);
      if (request.ownerDepartment !== undefined) columns.push(['owner_department', request.ownerDepartment]);
      if (request.status !== undefined) columns.push(['status', request.status]);
      const assignments = columns.map(([column], i) => `${column} = $${i + 2}`);
      await manager.query(`UPDATE recommendations SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...columns.map(([, value]) => value)]);
      if (request.findingIds !== undefined) {
        await manager.query(`DELETE FROM recommendation_findings WHERE recommendation_id = $1`, [id]);
        await this.link(manager, id, findingIds);
      }
    });
    return this.recommendation(projectId, id);
  }

  async removeRecommendation(projectId: string, id: string): Promise<void> {
    const [, affected] = (await this.dataSource.query(
      `DELETE FROM recommendations r USING journey_maps m WHERE r.id = $1 AND m.id = r.map_id AND m.project_id = $2`,
      [id, projectId],
    )) as [unknown, number];
    if (!affected) throw DomainException.notFound('Recommendation');
  }

  async recommendation(projectId: string, id: string): Promise<RecommendationResponse> {
    const [row] = (await this.dataSource.query(`${RECOMMENDATION_SELECT} JOIN journey_maps m ON m.id = r.map_id WHERE r.id = $1 AND m.project_id = $2 GROUP BY r.id`, [
      id,
      projectId,
    ])) as RecommendationRow[];
    if (!row) throw DomainException.notFound('Recommendation');
    return toRecommendation(row);
  }

  private async checkLinks(manager: EntityManager, mapId: string, projectId: string, request: UpdateRecommendationRequest): Promise<string[]> {
    if (request.stageId) {
      await assertStageOfProject(manager, projectId, request.stageId);
    }
    const ids = [...new Set(request.findingIds ?? [])];
    if (ids.length === 0) return ids;
    const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM journey_findings WHERE id = ANY($1::uuid[]) AND map_id = $2`, [ids, mapId])) as Array<{ n: number }>;
    if (n !== ids.length) throw DomainException.invalid('findingIds', 'findingIds must be findings of this map');
    return ids;
  }

  private async link(manager: EntityManager, recommendationId: string, findingIds: string[]): Promise<void> {
    if (findingIds.length === 0) return;
    await manager.query(`INSERT INTO recommendation_findings (recommendation_id, finding_id) SELECT $1, unnest($2::uuid[])`, [recommendationId, findingIds]);
  }

  /**
   * The owner of the touchpoint behind the linked findings: a touchpoint finding's own, else the
   * touchpoint their quotes mention most (mapped on the quote, or found by the latest synthesis run).
   */
  private async defaultOwner(manager: EntityManager, projectId: string, findingIds: string[]): Promise<string> {
    if (findingIds.length === 0) return '';
    const [row] = (await manager.query(
      `WITH linked AS (SELECT key, position, quote_ids FROM journey_findings WHERE id = ANY($1::uuid[])),
            evidence AS (SELECT DISTINCT e.quote_id FROM linked CROSS JOIN LATERAL unnest(linked.quote_ids) AS e(quote_id)),
            mentions AS (
              SELECT q.touchpoint_id, q.id AS quote_id FROM quotes q JOIN evidence e ON e.quote_id = q.id WHERE q.touchpoint_id IS NOT NULL
              UNION
              SELECT c.touchpoint_id, m.quote_id
                FROM synthesis_clusters c
                JOIN synthesis_cluster_members m ON m.cluster_id = c.id JOIN evidence e ON e.quote_id = m.quote_id
               WHERE c.run_id = $3 AND c.kind = 'touchpoint' AND c.touchpoint_id IS NOT NULL AND c.status IN ('proposed', 'accepted')
            ),
            ranked AS (
              SELECT t.owner_department, 0 AS rank, min(l.position) AS weight, t.name
                FROM linked l JOIN touchpoints t ON t.project_id = $2 AND l.key LIKE '%touchpoint:' || t.id::text
               GROUP BY t.id
              UNION ALL
              SELECT t.owner_department, 1, -count(*), t.name FROM mentions x JOIN touchpoints t ON t.id = x.touchpoint_id GROUP BY t.id
            )
       SELECT owner_department FROM ranked WHERE owner_department <> '' ORDER BY rank, weight, lower(name) LIMIT 1`,
      [findingIds, projectId, await latestRunId(manager, projectId)],
    )) as Array<{ owner_department: string }>;
    return row?.owner_department ?? '';
  }
}
