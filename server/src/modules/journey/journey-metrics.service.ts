import { Injectable } from '@nestjs/common';
import type { EventsImportResponse, Page, PutStageMetricRequest, StageMetricResponse, WhatIfRequest, WhatIfResponse } from '@tropa/contracts';
import { ImportError, readEventsFile } from '@tropa/importers';
import { FunnelInputError, funnelFromMetrics, whatIf } from '@tropa/synthesis';
import { DataSource } from 'typeorm';
import { DomainException, DomainErrorCode } from '../../core/errors/domain.exception';
import { pageWindow, type PageQueryDto } from '../../core/http/page-query.dto';
import { loadStages } from '../synthesis/synthesis-input';
import { assertStageOfProject, funnelOf, loadEventFunnel, loadMetrics, saveEventFunnel } from './journey-inputs';

/** Events files are streamed from disk by the reader; this bounds one upload. */
export const MAX_EVENTS_BYTES = 50 * 1024 * 1024;
const INSERT_CHUNK = 5000;

interface MetricRow {
  id: string;
  stage_id: string;
  period_start: string;
  kpi: StageMetricResponse['kpi'];
  value: number;
  source: StageMetricResponse['source'];
}

function toMetric(row: MetricRow): StageMetricResponse {
  return { id: row.id, stageId: row.stage_id, periodStart: row.period_start, kpi: row.kpi, value: row.value, source: row.source };
}

/** Stage KPIs entered by people, customer events for the funnel, and the revenue what-if. */
@Injectable()
export class JourneyMetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: PageQueryDto): Promise<Page<StageMetricResponse>> {
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.stage_id, to_char(m.period_start, 'YYYY-MM-DD') AS period_start, m.kpi, m.value::float AS value, m.source, count(*) OVER ()::int AS total
         FROM stage_metrics m JOIN stages s ON s.id = m.stage_id
        WHERE m.project_id = $1 ORDER BY s.position, m.period_start DESC, m.kpi LIMIT $2 OFFSET $3`,
      [projectId, window.pageSize, window.skip],
    )) as Array<MetricRow & { total: number }>;
    return { items: rows.map(toMetric), total: rows[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  /** One value per stage, period start and KPI: entering it again replaces it. */
  async put(projectId: string, request: PutStageMetricRequest): Promise<StageMetricResponse> {
    await assertStageOfProject(this.dataSource, projectId, request.stageId);
    if (request.kpi === 'C' && request.value > 1) throw DomainException.invalid('value', 'A conversion is a share between 0 and 1');
    const [row] = (await this.dataSource.query(
      `INSERT INTO stage_metrics (project_id, stage_id, period_start, kpi, value, source) VALUES ($1, $2, $3, $4, $5, 'manual')
       ON CONFLICT (project_id, stage_id, period_start, kpi, source) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       RETURNING id, stage_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, kpi, value::float AS value, source`,
      [projectId, request.stageId, request.periodStart, request.kpi, request.value],
    )) as MetricRow[];
    return toMetric(row);
  }

  async remove(projectId: string, metricId: string): Promise<void> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM stage_metrics WHERE id = $1 AND project_id = $2`, [metricId, projectId])) as [unknown, number];
    if (!affected) throw DomainException.notFound('Metric');
  }

  /**
   * An events file replaces the project's events, all rows or none: with any row
   * problem (unknown stage, bad date, negative amount, a customer going backwards)
   * nothing is written and the answer lists the rows.
   */
  async importEvents(projectId: string, file: { originalname: string; buffer: Buffer } | undefined): Promise<EventsImportResponse> {
    if (!file || file.buffer.length === 0) throw DomainException.invalid('file', 'Choose a CSV file of events');
    const stages = await loadStages(this.dataSource, projectId);
    const touchpoints = (await this.dataSource.query(
      `SELECT t.id, t.name, t.aliases, (SELECT ts.stage_id FROM touchpoint_stages ts JOIN stages s ON s.id = ts.stage_id WHERE ts.touchpoint_id = t.id ORDER BY s.position LIMIT 1) AS stage_id
         FROM touchpoints t WHERE t.project_id = $1`,
      [projectId],
    )) as Array<{ id: string; name: string; aliases: string[]; stage_id: string | null }>;
    let parsed;
    try {
      parsed = await readEventsFile(new Uint8Array(file.buffer), {
        stages,
        touchpoints: touchpoints.map((t) => ({ id: t.id, name: t.name, aliases: t.aliases, stageId: t.stage_id })),
        fileName: file.originalname,
      });
    } catch (error) {
      if (error instanceof ImportError) throw DomainException.invalid('file', error.message);
      throw error;
    }
    if (parsed.problemCount > 0) {
      throw new DomainException(
        DomainErrorCode.Invalid,
        `${parsed.problemCount} rows have problems: nothing was imported`,
        parsed.problems.map((p) => ({ field: `rows[${p.line}].${p.column ?? 'row'}`, message: `line ${p.line}: ${p.reason}` })),
      );
    }
    const computed = funnelOf(parsed.events, stages);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM customer_events WHERE project_id = $1`, [projectId]);
      await saveEventFunnel(manager, projectId, stages, computed);
      for (let i = 0; i < parsed.events.length; i += INSERT_CHUNK) {
        const chunk = parsed.events.slice(i, i + INSERT_CHUNK);
        await manager.query(
          `INSERT INTO customer_events (project_id, customer_id, stage_id, touchpoint_id, at, amount)
           SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::numeric[])`,
          [
            projectId,
            chunk.map((e) => e.customerId),
            chunk.map((e) => e.stageId),
            chunk.map((e) => e.touchpointId),
            chunk.map((e) => e.at.toISOString()),
            chunk.map((e) => e.amount),
          ],
        );
      }
    });
    return { rows: parsed.rows, imported: parsed.events.length, problems: [] };
  }

  /** Revenue if one stage converted differently (the map's KPIs: events with people's entries over them). */
  async whatIf(projectId: string, request: WhatIfRequest): Promise<WhatIfResponse> {
    const stages = await loadStages(this.dataSource, projectId);
    if (!stages.some((s) => s.id === request.stageId)) throw DomainException.invalid('stageId', 'stageId is not a stage of this project');
    const events = await loadEventFunnel(this.dataSource, projectId, stages);
    const model = funnelFromMetrics(stages, await loadMetrics(this.dataSource, projectId, events.funnel));
    if (!model) return { revenue: null, newRevenue: null, delta: null };
    try {
      const result = whatIf(model, { stageId: request.stageId, conversion: request.conversion });
      return { revenue: result.revenueBefore, newRevenue: result.revenueAfter, delta: result.delta };
    } catch (error) {
      if (error instanceof FunnelInputError) throw DomainException.invalid(error.field, error.message);
      throw error;
    }
  }
}
