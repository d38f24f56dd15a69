import { Injectable } from '@nestjs/common';
import type { JourneyMapResponse, MapDiffResponse, MapVersionResponse, Page, RecommendationResponse } from '@tropa/contracts';
import { diffJourneys, type DiffableJourney } from '@tropa/synthesis';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder, type PageQueryDto } from '../../core/http/page-query.dto';
import { JourneyMapsService } from './journey-maps.service';
import { JourneyReviewService } from './journey-review.service';

/** A published version: the map as it was, with its recommendations. */
export interface VersionSnapshot extends JourneyMapResponse {
  recommendations: RecommendationResponse[];
}

interface VersionRow {
  id: string;
  number: number;
  persona_id: string | null;
  published_at: Date;
  published_by: string | null;
  unreviewed: number;
  findings: number;
}

function toVersion(row: VersionRow): MapVersionResponse {
  return {
    id: row.id,
    number: row.number,
    personaId: row.persona_id,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
    unreviewed: row.unreviewed,
    findings: row.findings,
  };
}

const KPI_OF = { leads: 'L', conversion: 'conversion', averageCheck: 'P', purchaseFrequency: 'Q' } as const;

/** The engine's diff works on its own shapes; a map response carries the same facts. */
function diffable(map: JourneyMapResponse): DiffableJourney {
  const funnel = new Map(map.funnel.stages.map((s) => [s.stageId, s]));
  return {
    findings: map.findings
      .filter((f) => f.status !== 'rejected')
      .map((f) => ({ key: f.key, lane: f.lane, stageId: f.stageId, text: f.text, evidence: f.quoteIds, strength: f.strength })),
    stages: map.stages.map((s) => {
      const kpis = funnel.get(s.id);
      return {
        id: s.id,
        name: s.name,
        order: s.order,
        kpis: kpis
          ? { leads: kpis.leads, conversion: kpis.conversion, averageCheck: kpis.averageCheck, purchaseFrequency: kpis.purchasesPerCustomer, lost: null, source: kpis.source }
          : null,
      };
    }),
    emotion: { overall: { personaId: null, points: map.emotions.filter((p) => p.personaId === null) }, byPersona: [] },
  } as unknown as DiffableJourney;
}

/**
 * Versions are immutable snapshots of the working map; the working map keeps changing
 * with the evidence and shows what is new since the last one; any two can be diffed.
 */
@Injectable()
export class MapVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maps: JourneyMapsService,
    private readonly review: JourneyReviewService,
  ) {}

  /** Publishing with findings still unreviewed is allowed; the version says how many. */
  async publish(projectId: string, personaId: string | null, userId: string): Promise<MapVersionResponse> {
    const current = await this.maps.get(projectId, personaId);
    const recommendations = (await this.review.recommendations(projectId, personaId, { pageSize: 100, page: 1 })).items;
    const snapshot: VersionSnapshot = { ...current, recommendations };
    const unreviewed = current.findings.filter((f) => f.status === 'proposed').length;
    const [row] = (await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM journey_maps WHERE id = $1 FOR UPDATE`, [current.id]);
      return manager.query(
        `INSERT INTO map_versions (map_id, project_id, number, snapshot, findings, unreviewed, published_by)
         SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6 FROM map_versions WHERE map_id = $1
         RETURNING id, number, $7::uuid AS persona_id, published_at, published_by, unreviewed, findings`,
        [current.id, projectId, JSON.stringify(snapshot), current.findings.length, unreviewed, userId, personaId],
      );
    })) as VersionRow[];
    return toVersion(row);
  }

  async list(projectId: string, personaId: string | null, query: PageQueryDto): Promise<Page<MapVersionResponse>> {
    const map = await this.maps.mapFor(projectId, personaId);
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT v.id, v.number, m.persona_id, v.published_at, v.published_by, v.unreviewed, v.findings, count(*) OVER ()::int AS total
         FROM map_versions v JOIN journey_maps m ON m.id = v.map_id
        WHERE v.map_id = $1 ORDER BY v.number ${sqlOrder(query.order, 'desc')} LIMIT $2 OFFSET $3`,
      [map.id, window.pageSize, window.skip],
    )) as Array<VersionRow & { total: number }>;
    return { items: rows.map(toVersion), total: rows[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  async get(projectId: string, versionId: string): Promise<VersionSnapshot> {
    const [row] = (await this.dataSource.query(`SELECT snapshot FROM map_versions WHERE id = $1 AND project_id = $2`, [versionId, projectId])) as Array<{
      snapshot: VersionSnapshot;
    }>;
    if (!row) throw DomainException.notFound('Version');
    return row.snapshot;
  }

  /** From a version to another version of the same map, or to the working map. */
  async diff(projectId: string, fromId: string, toId: string | undefined): Promise<MapDiffResponse> {
    const from = await this.version(projectId, fromId);
    let to: MapDiffResponse['to'];
    let after: JourneyMapResponse;
    if (toId) {
      const target = await this.version(projectId, toId);
      if (target.map_id !== from.map_id) throw DomainException.invalid('to', 'Both versions must be of the same map (the same persona filter)');
      to = { kind: 'version', id: target.id, number: target.number };
      after = target.snapshot;
    } else {
      const [map] = (await this.dataSource.query(`SELECT persona_id FROM journey_maps WHERE id = $1`, [from.map_id])) as Array<{ persona_id: string | null }>;
      to = { kind: 'working' };
      after = await this.maps.get(projectId, map.persona_id);
    }
    const result = diffJourneys(diffable(from.snapshot), diffable(after));
    const brief = (f: { key: string; lane: string; stageId: string | null; text: string }) => ({ key: f.key, lane: f.lane, stageId: f.stageId, text: f.text });
    return {
      from: { kind: 'version', id: from.id, number: from.number },
      to,
      added: result.added.map(brief),
      removed: result.removed.map(brief),
      changed: result.changed.map((c) => ({ key: c.key, lane: c.after.lane, stageId: c.after.stageId, before: c.before.text, after: c.after.text })),
      emotion: result.emotion.map((e) => ({ stageId: e.stageId, before: e.before, after: e.after })),
      kpis: result.kpis.map((k) => ({ stageId: k.stageId, kpi: KPI_OF[k.field], before: k.before, after: k.after })),
    } as MapDiffResponse;
  }

  /** Published versions never change. */
  async refuseEdit(projectId: string, versionId: string): Promise<never> {
    await this.version(projectId, versionId);
    throw DomainException.conflict('versionId', 'A published version cannot be changed: edit the working map and publish a new version');
  }

  private async version(projectId: string, versionId: string): Promise<{ id: string; number: number; map_id: string; snapshot: VersionSnapshot }> {
    const [row] = (await this.dataSource.query(`SELECT id, number, map_id, snapshot FROM map_versions WHERE id = $1 AND project_id = $2`, [versionId, projectId])) as Array<{
      id: string;
      number: number;
      map_id: string;
      snapshot: VersionSnapshot;
    }>;
    if (!row) throw DomainException.notFound('Version');
    return row;
  }
}
