import { Injectable } from '@nestjs/common';
import type {
  EmotionPoint,
  EvidenceQuoteResponse,
  EvidenceStrength,
  FindingResponse,
  FindingStatus,
  FunnelResponse,
  JourneyLane,
  JourneyMapResponse,
  MapNoteResponse,
  Page,
  ReviewFindingRequest,
} from '@tropa/contracts';
import {
  assembleJourney,
  type EmotionSeries,
  type Finding,
  type FunnelModel,
  funnelFromMetrics,
  type JourneyMap,
  type StageMetricInput,
} from '@tropa/synthesis';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { joinedIds, splitIds } from '../../core/database/id-lists';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow } from '../../core/http/page-query.dto';
import type { EvidenceQueryDto } from './dto/journey.dto';
import {
  assertStageOfProject,
  evidenceSignature,
  latestRunId,
  loadEventFunnel,
  loadEvidence,
  loadJobs,
  loadMetrics,
  loadSurveyMetrics,
  loadThemes,
  loadTouchpoints,
  projectLanguage,
} from './journey-inputs';
import { loadStages } from '../synthesis/synthesis-input';

/** What an assembly leaves besides findings, stored with the map. */
export interface StoredAssembly {
  stages: JourneyMapResponse['stages'];
  emotions: EmotionPoint[];
  funnel: FunnelResponse;
  touchpoints: JourneyMapResponse['touchpoints'];
}

interface MapRow {
  id: string;
  project_id: string;
  persona_id: string | null;
  assembly: StoredAssembly | null;
  assembled_at: Date | null;
  evidence_signature: string | null;
}

interface FindingRow {
  id: string;
  key: string;
  stage_id: string;
  lane: JourneyLane;
  assembled_text: string;
  edited_text: string | null;
  /** Comma-separated (see id-lists.ts). */
  quote_ids: string;
  strength: EvidenceStrength;
  score: number;
  status: FindingStatus;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  comments: number;
}

const FINDING_COLUMNS = `f.id, f.key, f.stage_id, f.lane, f.assembled_text, f.edited_text, ${joinedIds('f.quote_ids')} AS quote_ids, f.strength, f.score, f.status, f.reject_reason,
  f.reviewed_by, f.reviewed_at, (SELECT count(*)::int FROM finding_comments c WHERE c.finding_id = f.id) AS comments`;

function toFinding(row: FindingRow, published: ReadonlySet<string> | null): FindingResponse {
  return {
    id: row.id,
    key: row.key,
    stageId: row.stage_id,
    lane: row.lane,
    text: row.edited_text ?? row.assembled_text,
    assembledText: row.assembled_text,
    quoteIds: splitIds(row.quote_ids),
    strength: row.strength,
    score: row.score,
    status: row.status,
    rejectReason: row.reject_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    isNew: published !== null && !published.has(row.key),
    comments: row.comments,
  };
}

function emotionPoints(series: EmotionSeries): EmotionPoint[] {
  return series.points.map((p) => ({
    stageId: p.stageId,
    personaId: series.personaId,
    n: p.n,
    mean: p.mean,
    low: p.low,
    high: p.high,
    sources: { tags: p.sources.moderator.n, survey: p.sources.survey.n, inferred: p.sources.inferred.n },
  }));
}

/** Per-stage KPIs as the revenue model reads them (conversions past the last stage reached are unknown, not zero). */
function funnelResponse(journey: JourneyMap, model: FunnelModel | null, handoffs: FunnelResponse['handoffs']): FunnelResponse {
  const modelled = new Map(model?.stages.map((s) => [s.stageId, s]) ?? []);
  return {
    stages: journey.stages.map((stage) => ({
      stageId: stage.id,
      leads: stage.kpis?.leads ?? null,
      conversion: modelled.has(stage.id) ? (modelled.get(stage.id)?.conversion ?? null) : (stage.kpis?.conversion ?? null),
      averageCheck: stage.kpis?.averageCheck ?? null,
      purchasesPerCustomer: stage.kpis?.purchaseFrequency ?? null,
      source: stage.kpis?.source ?? null,
    })),
    largestDropStageId: model?.largestDrop?.stageId ?? journey.largestDropStageId,
    revenue: model?.revenue ?? null,
    periodDays: model?.periodDays ?? 30,
    handoffs,
  };
}

/**
 * The working journey map: assembled from the evidence (quotes, accepted jobs, the
 * latest run's themes and touchpoints, survey metrics, KPIs), its findings upserted by
 * key so that accept / reject / edit survive each re-assembly; a finding the evidence
 * no longer supports is hidden, not deleted (its review and comments stay).
 */
@Injectable()
export class JourneyMapsService {
  /** Re-assemblies in flight in this process, by map and evidence signature. */
  private readonly refreshing = new Map<string, Promise<JourneyMapResponse>>();

  constructor(private readonly dataSource: DataSource) {}

  /** The working map: as stored while its evidence is unchanged, re-assembled when it changed (or was never assembled). */
  async get(projectId: string, personaId: string | null, comparePersonas = false): Promise<JourneyMapResponse> {
    const map = await this.mapFor(projectId, personaId);
    if (comparePersonas) return this.assemble(projectId, personaId, comparePersonas);
    const signature = await evidenceSignature(this.dataSource, projectId);
    if (map.assembly && map.evidence_signature === signature) return this.response(map);
    // Everyone opening the map after the same change waits for one assembly instead of starting their own.
    const key = `${map.id}:${signature}`;
    let assembling = this.refreshing.get(key);
    if (!assembling) {
      assembling = this.assemble(projectId, personaId, false, signature).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, assembling);
    }
    return assembling;
  }

  /** `signature`: of the evidence about to be read (taken before reading, so that a change meanwhile re-assembles next time). */
  async assemble(projectId: string, personaId: string | null, comparePersonas = false, signature?: string): Promise<JourneyMapResponse> {
    const evidence = signature ?? (await evidenceSignature(this.dataSource, projectId));
    const map = await this.mapFor(projectId, personaId);
    const runId = await latestRunId(this.dataSource, projectId);
    const stages = await loadStages(this.dataSource, projectId);
    const [quotes, jobs, themes, touchpoints, surveyMetrics, events, lang] = await Promise.all([
      loadEvidence(this.dataSource, projectId, runId),
      loadJobs(this.dataSource, projectId),
      loadThemes(this.dataSource, runId),
      loadTouchpoints(this.dataSource, projectId, runId),
      loadSurveyMetrics(this.dataSource, projectId),
      loadEventFunnel(this.dataSource, projectId, stages),
      projectLanguage(this.dataSource, projectId),
    ]);
    const metrics: StageMetricInput[] = await loadMetrics(this.dataSource, projectId, events.funnel);
    const model = funnelFromMetrics(stages, metrics);
    const journey = assembleJourney({
      stages,
      quotes,
      jobs,
      themes,
      touchpoints: touchpoints as Parameters<typeof assembleJourney>[0]['touchpoints'],
      surveyMetrics,
      metrics,
      personaId,
      byPersona: comparePersonas,
      lang,
    });
    const names = new Map<string, string>(
      ((await this.dataSource.query(`SELECT id, name FROM touchpoints WHERE project_id = $1`, [projectId])) as Array<{ id: string; name: string }>).map((t) => [t.id, t.name]),
    );
    const handoffs = events.handoffs.map((h) => ({ from: names.get(h.from) ?? h.from, to: names.get(h.to) ?? h.to, customers: h.customers, lost: h.lost }));
    const placed = journey.findings.filter((f): f is Finding & { stageId: string } => f.stageId !== null);
    const assembly: StoredAssembly = {
      stages: stages.map((s) => ({ id: s.id, name: s.name, order: s.order })),
      // The stored map is everyone's: personas' lines go only to the person comparing them.
      emotions: emotionPoints(journey.emotion.overall),
      funnel: funnelResponse(journey, model, handoffs),
      touchpoints: {
        cells: placed
          .filter((f) => f.lane === 'touchpoints')
          .map((f) => ({ touchpointId: f.touchpoint?.touchpointId ?? null, name: f.text, stageId: f.stageId, mentions: f.touchpoint?.mentions ?? f.evidence.length, meanSentiment: f.sentiment })),
        missing: [...groupMissing(journey.touchpointGaps.missing).values()],
        silent: journey.touchpointGaps.silent.map((s) => ({ touchpointId: s.touchpointId, name: s.name })),
      },
    };

    const assembledAt = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM journey_maps WHERE id = $1 FOR UPDATE`, [map.id]);
      // Only what changed since the last assembly is written: a digest of each finding's content.
      const rows = placed.map((f, position) => {
        const row = { key: f.key, stage_id: f.stageId, lane: f.lane, text: f.text, quote_ids: f.evidence, strength: f.strength, score: f.score, position };
        return { ...row, digest: createHash('sha256').update(JSON.stringify(row)).digest('hex') };
      });
      const stored = (await manager.query(`SELECT key, digest FROM journey_findings WHERE map_id = $1 AND present`, [map.id])) as Array<{ key: string; digest: string }>;
      const unchanged = new Set(stored.map((row) => `${row.key}\n${row.digest}`));
      const changed = rows.filter((row) => !unchanged.has(`${row.key}\n${row.digest}`));
      if (changed.length) {
        await manager.query(
          `INSERT INTO journey_findings (map_id, key, stage_id, lane, assembled_text, quote_ids, strength, score, position, digest, present)
           SELECT $2, x.key, x.stage_id, x.lane, x.text, x.quote_ids, x.strength, x.score, x.position, x.digest, true
             FROM jsonb_to_recordset($1::jsonb) AS x(key text, stage_id uuid, lane text, text text, quote_ids uuid[], strength jsonb, score real, position int, digest text)
           ON CONFLICT (map_id, key) DO UPDATE
             SET stage_id = EXCLUDED.stage_id, lane = EXCLUDED.lane, assembled_text = EXCLUDED.assembled_text, quote_ids = EXCLUDED.quote_ids,
                 strength = EXCLUDED.strength, score = EXCLUDED.score, position = EXCLUDED.position, digest = EXCLUDED.digest, present = true`,
          [JSON.stringify(changed), map.id],
        );
      }
      await manager.query(`UPDATE journey_findings SET present = false WHERE map_id = $1 AND present AND NOT (key = ANY($2::text[]))`, [map.id, placed.map((f) => f.key)]);
      const [updated] = (await manager.query(`UPDATE journey_maps SET assembly = $2, assembled_at = now(), evidence_signature = $3 WHERE id = $1 RETURNING assembled_at`, [
        map.id,
        JSON.stringify(assembly),
        evidence,
      ])) as [Array<{ assembled_at: Date }>, number];
      return updated[0].assembled_at;
    });
    const compared = { ...assembly, emotions: [...assembly.emotions, ...journey.emotion.byPersona.flatMap(emotionPoints)] };
    return this.response({ ...map, assembly: compared, assembled_at: assembledAt, evidence_signature: evidence });
  }

  /** The quotes behind a finding, with their sources. */
  async evidence(projectId: string, findingId: string, query: EvidenceQueryDto): Promise<Page<EvidenceQuoteResponse>> {
    const finding = await this.finding(this.dataSource.manager, projectId, findingId);
    const window = pageWindow(query);
    const rows = (await this.dataSource.query(
      `SELECT q.id, q.text, q.source_type, q.session_id, q.utterance_id, q.survey_id, q.response_id, q.participant_key, q.stage_id, q.sentiment,
              coalesce(rs.title, s.title) AS source_title, coalesce(pa.pseudonym, u.speaker) AS speaker, count(*) OVER ()::int AS total
         FROM quotes q
         LEFT JOIN research_sessions rs ON rs.id = q.session_id
         LEFT JOIN surveys s ON s.id = q.survey_id
         LEFT JOIN utterances u ON u.id = q.utterance_id
         LEFT JOIN participants pa ON pa.id = u.participant_id
        WHERE q.id = ANY($1::uuid[]) AND q.project_id = $2
        ORDER BY q.created_at, q.id LIMIT $3 OFFSET $4`,
      [splitIds(finding.quote_ids), projectId, window.pageSize, window.skip],
    )) as Array<{
      id: string;
      text: string;
      source_type: EvidenceQuoteResponse['sourceType'];
      session_id: string | null;
      utterance_id: string | null;
      survey_id: string | null;
      response_id: string | null;
      participant_key: string | null;
      stage_id: string | null;
      sentiment: number | null;
      source_title: string | null;
      speaker: string | null;
      total: number;
    }>;
    return {
      items: rows.map((row) => ({
        quoteId: row.id,
        text: row.text,
        sourceType: row.source_type,
        sessionId: row.session_id,
        utteranceId: row.utterance_id,
        surveyId: row.survey_id,
        responseId: row.response_id,
        sourceTitle: row.source_title,
        speaker: row.speaker,
        participantKey: row.participant_key,
        stageId: row.stage_id,
        sentiment: row.sentiment,
      })),
      total: rows[0]?.total ?? 0,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async review(projectId: string, findingId: string, request: ReviewFindingRequest, userId: string): Promise<FindingResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.finding(manager, projectId, findingId, true);
      const set: Record<ReviewFindingRequest['decision'], { sql: string; params: unknown[] }> = {
        accept: { sql: `status = 'accepted', reject_reason = NULL`, params: [] },
        reject: { sql: `status = 'rejected', reject_reason = $3`, params: [request.reason] },
        edit: { sql: `status = 'edited', edited_text = $3, reject_reason = NULL`, params: [request.text] },
        reopen: { sql: `status = 'proposed', edited_text = NULL, reject_reason = NULL`, params: [] },
      };
      if (request.decision === 'reject' && !request.reason) throw DomainException.invalid('reason', 'A rejection needs a reason');
      if (request.decision === 'edit' && !request.text) throw DomainException.invalid('text', 'An edit needs the new text');
      const change = set[request.decision];
      await manager.query(`UPDATE journey_findings SET ${change.sql}, reviewed_by = $2, reviewed_at = now() WHERE id = $1`, [findingId, userId, ...change.params]);
    });
    const [row] = (await this.dataSource.query(`SELECT ${FINDING_COLUMNS} FROM journey_findings f WHERE f.id = $1`, [findingId])) as FindingRow[];
    const map = (await this.dataSource.query(`SELECT m.id FROM journey_maps m JOIN journey_findings f ON f.map_id = m.id WHERE f.id = $1`, [findingId])) as Array<{ id: string }>;
    return toFinding(row, await this.publishedKeys(map[0].id));
  }

  async addNote(projectId: string, personaId: string | null, request: { stageId: string; lane: JourneyLane; text: string }, userId: string): Promise<MapNoteResponse> {
    const map = await this.mapFor(projectId, personaId);
    await assertStageOfProject(this.dataSource, projectId, request.stageId);
    const [row] = (await this.dataSource.query(
      `INSERT INTO journey_notes (map_id, stage_id, lane, text, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [map.id, request.stageId, request.lane, request.text, userId],
    )) as Array<{ id: string }>;
    return (await this.notes(map.id)).find((note) => note.id === row.id) as MapNoteResponse;
  }

  async removeNote(projectId: string, noteId: string, userId: string, isOwner: boolean): Promise<void> {
    const [note] = (await this.dataSource.query(
      `SELECT n.author_id FROM journey_notes n JOIN journey_maps m ON m.id = n.map_id WHERE n.id = $1 AND m.project_id = $2`,
      [noteId, projectId],
    )) as Array<{ author_id: string | null }>;
    if (!note) throw DomainException.notFound('Note');
    if (note.author_id !== userId && !isOwner) throw DomainException.forbidden('Only the author or an owner may delete a note');
    await this.dataSource.query(`DELETE FROM journey_notes WHERE id = $1`, [noteId]);
  }

  /** The map row for a project and persona filter, created on first use. */
  async mapFor(projectId: string, personaId: string | null): Promise<MapRow> {
    if (personaId) {
      const [persona] = (await this.dataSource.query(`SELECT id FROM personas WHERE id = $1 AND project_id = $2`, [personaId, projectId])) as unknown[];
      if (!persona) throw DomainException.invalid('personaId', 'personaId is not a persona of this project');
    }
    const select = () =>
      this.dataSource.query(
        `SELECT id, project_id, persona_id, assembly, assembled_at, evidence_signature FROM journey_maps WHERE project_id = $1 AND persona_id IS NOT DISTINCT FROM $2`,
        [projectId, personaId],
      ) as Promise<MapRow[]>;
    const [existing] = await select();
    if (existing) return existing;
    await this.dataSource.query(
      `INSERT INTO journey_maps (project_id, persona_id) VALUES ($1, $2)
       ON CONFLICT (project_id, coalesce(persona_id, '00000000-0000-0000-0000-000000000000'::uuid)) DO NOTHING`,
      [projectId, personaId],
    );
    return (await select())[0];
  }

  /** The map as the API shows it: present findings by position, notes, the stored assembly. */
  async response(map: MapRow): Promise<JourneyMapResponse> {
    const published = await this.publishedKeys(map.id);
    const [findings, notes, latest] = await Promise.all([
      this.dataSource.query(`SELECT ${FINDING_COLUMNS} FROM journey_findings f WHERE f.map_id = $1 AND f.present ORDER BY f.position`, [map.id]) as Promise<FindingRow[]>,
      this.notes(map.id),
      this.dataSource.query(`SELECT id, number, published_at FROM map_versions WHERE map_id = $1 ORDER BY number DESC LIMIT 1`, [map.id]) as Promise<
        Array<{ id: string; number: number; published_at: Date }>
      >,
    ]);
    const assembly = map.assembly as StoredAssembly;
    return {
      id: map.id,
      projectId: map.project_id,
      personaId: map.persona_id,
      assembledAt: map.assembled_at?.toISOString() ?? null,
      stages: assembly.stages,
      findings: findings.map((row) => toFinding(row, published)),
      notes,
      emotions: assembly.emotions,
      funnel: assembly.funnel,
      touchpoints: assembly.touchpoints,
      latestVersion: latest[0] ? { id: latest[0].id, number: latest[0].number, publishedAt: latest[0].published_at.toISOString() } : null,
    };
  }

  async finding(manager: EntityManager, projectId: string, findingId: string, lock = false): Promise<FindingRow & { map_id: string }> {
    const [row] = (await manager.query(
      `SELECT ${FINDING_COLUMNS}, f.map_id FROM journey_findings f JOIN journey_maps m ON m.id = f.map_id WHERE f.id = $1 AND m.project_id = $2${lock ? ' FOR UPDATE OF f' : ''}`,
      [findingId, projectId],
    )) as Array<FindingRow & { map_id: string }>;
    if (!row) throw DomainException.notFound('Finding');
    return row;
  }

  private async notes(mapId: string): Promise<MapNoteResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.stage_id, n.lane, n.text, n.author_id, u.display_name, n.created_at
         FROM journey_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.map_id = $1 ORDER BY n.created_at, n.id`,
      [mapId],
    )) as Array<{ id: string; stage_id: string; lane: JourneyLane; text: string; author_id: string | null; display_name: string | null; created_at: Date }>;
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stage_id,
      lane: row.lane,
      text: row.text,
      authorId: row.author_id,
      authorName: row.display_name,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** Keys of the findings in the map's last published version (null: never published, nothing is "new"). */
  private async publishedKeys(mapId: string): Promise<Set<string> | null> {
    const [row] = (await this.dataSource.query(
      `SELECT jsonb_path_query_array(snapshot, '$.findings[*].key') AS keys FROM map_versions WHERE map_id = $1 ORDER BY number DESC LIMIT 1`,
      [mapId],
    )) as Array<{ keys: string[] }>;
    return row ? new Set(row.keys) : null;
  }
}

function groupMissing(findings: readonly Finding[]): Map<string, { name: string; mentions: number; quoteIds: string[] }> {
  const groups = new Map<string, { name: string; mentions: number; quoteIds: Set<string> }>();
  for (const finding of findings) {
    const key = finding.subject.id;
    const group = groups.get(key) ?? { name: finding.text, mentions: 0, quoteIds: new Set<string>() };
    group.mentions += finding.touchpoint?.mentions ?? finding.evidence.length;
    for (const id of finding.evidence) group.quoteIds.add(id);
    groups.set(key, group);
  }
  return new Map([...groups].map(([key, group]) => [key, { ...group, quoteIds: [...group.quoteIds] }]));
}
