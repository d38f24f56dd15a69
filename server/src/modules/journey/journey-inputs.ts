import type { ProjectLanguage } from '@tropa/contracts';
import {
  type AssembleJourneyInput,
  buildFunnel,
  channelHandOffs,
  type CustomerEvent,
  type EvidenceQuote,
  type EvidenceTag,
  type FunnelModel,
  type HandOff,
  type JourneyJobInput,
  type JourneyThemeInput,
  type StageMetricInput,
  type SurveyMetricPoint,
  type TouchpointAnalysis,
} from '@tropa/synthesis';
import type { DataSource, EntityManager } from 'typeorm';
import { aggregatedIds, splitIds } from '../../core/database/id-lists';
import { DomainException } from '../../core/errors/domain.exception';
import { isCatchAllTag } from '../codebook/starter-codebook';
import { QUOTE_CONTENT_KEY } from '../quotes/quote-content-key';

interface QuoteRow {
  id: string;
  text: string;
  source_type: 'transcript' | 'survey_answer';
  source_id: string;
  participant_key: string;
  tagged_stage: string | null;
  mapped_stage: string | null;
  inferred_stage: string | null;
  sentiment: number | null;
  inferred_sentiment: number | null;
  persona_id: string | null;
  tags: EvidenceTag[];
}

/**
 * A signature of everything an assembly reads: quotes (stage, sentiment, person, source),
 * tags and their applications, the latest run and the review of its clusters, jobs,
 * personas of participants and respondents, survey mappings, stages, touchpoints, KPIs,
 * the events (an import replaces them: new ids) and the project's language — not the
 * funnel cache, which an assembly itself may refresh. Order-free sums of row hashes, so a
 * deletion shows as well as an edit; read in one statement (~30 ms for 50,000 quotes).
 * A text erased by privacy re-assembles the map itself.
 */
export async function evidenceSignature(db: DataSource | EntityManager, projectId: string): Promise<string> {
  const [row] = (await db.query(
    `SELECT md5(concat_ws('|',
       (SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', q.id, q.stage_id, q.sentiment, q.participant_key, q.response_id, q.utterance_id))), 0) FROM quotes q WHERE q.project_id = $1),
       (SELECT count(*) || ':' || coalesce(sum(hashtext(qt.quote_id::text || qt.tag_id::text)), 0) FROM quote_tags qt JOIN quotes q ON q.id = qt.quote_id WHERE q.project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', t.id, t.kind, t.name, t.valence, t.stage_id))), 0) FROM tags t WHERE t.project_id = $1),
       (SELECT id::text FROM synthesis_runs WHERE project_id = $1 AND status = 'succeeded' ORDER BY finished_at DESC, created_at DESC LIMIT 1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', c.id, c.status, c.label, c.edited, c.size, c.touchpoint_id))), 0) FROM synthesis_clusters c WHERE c.project_id = $1),
       (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM project_jobs WHERE project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', p.id, p.persona_id))), 0) FROM participants p WHERE p.project_id = $1),
       (SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws(',', r.id, r.persona_id))), 0) FROM survey_responses r WHERE r.project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', m.survey_id, m.question_name, m.stage_id, m.metric))), 0) FROM survey_question_mappings m JOIN surveys s ON s.id = m.survey_id WHERE s.project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', s.id, s.name, s.position))), 0) FROM stages s WHERE s.project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', t.id, t.name))), 0) FROM touchpoints t WHERE t.project_id = $1),
       (SELECT coalesce(sum(hashtext(concat_ws(',', m.id, m.value, m.kpi, m.stage_id, m.period_start))), 0) FROM stage_metrics m WHERE m.project_id = $1),
       (SELECT count(*) || ':' || coalesce(max(id), 0) FROM customer_events WHERE project_id = $1),
       (SELECT language FROM projects WHERE id = $1)
     )) AS signature`,
    [projectId],
  )) as Array<{ signature: string }>;
  return row.signature;
}

/** The latest finished synthesis run of the project: its inferences, themes and touchpoints feed the map. */
export async function latestRunId(dataSource: Pick<DataSource, 'query'>, projectId: string): Promise<string | null> {
  const [row] = (await dataSource.query(
    `SELECT id FROM synthesis_runs WHERE project_id = $1 AND status = 'succeeded' ORDER BY finished_at DESC, created_at DESC LIMIT 1`,
    [projectId],
  )) as Array<{ id: string }>;
  return row?.id ?? null;
}

/**
 * Every quote of the project as an evidence fact. Stage: a moderator's stage tag, else
 * the survey question's mapping, else the latest run's inference (marked). Sentiment: a
 * moderator's value, else the mean valence of emotion tags, else inferred (marked).
 * A person is a participant, or a respondent of one survey. One statement, so that each
 * joined table is hashed once (keyset batches hashed the run's inferences once per batch).
 * In content order (text, QUOTE_CONTENT_KEY, tags), like the synthesis engine's input: the
 * same evidence gives the same map in any project (read by id, two identical demos differed in
 * 21 findings). A quote with two stage tags is at the earlier stage.
 */
export async function loadEvidence(dataSource: DataSource, projectId: string, runId: string | null): Promise<EvidenceQuote[]> {
  const rows = (await dataSource.query(
    `WITH tagged AS (
       SELECT qt.quote_id,
              json_agg(DISTINCT jsonb_build_object('kind', t.kind, 'id', t.id, 'name', t.name, 'valence', t.valence)) AS tags,
              (array_agg(t.stage_id ORDER BY st.position, t.stage_id) FILTER (WHERE t.kind = 'stage' AND t.stage_id IS NOT NULL))[1] AS tagged_stage,
              string_agg(t.kind || ':' || t.name, ',' ORDER BY t.kind, t.name) AS tag_names
         FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id LEFT JOIN stages st ON st.id = t.stage_id
        WHERE t.project_id = $1
        GROUP BY qt.quote_id
     )
     SELECT q.id, q.text, q.source_type, coalesce(q.session_id, q.survey_id)::text AS source_id,
            CASE WHEN q.source_type = 'transcript' THEN coalesce(q.participant_key, 'session:' || q.session_id)
                 ELSE 'respondent:' || q.survey_id || ':' || coalesce(q.participant_key, q.response_id::text) END AS participant_key,
            tagged.tagged_stage, q.stage_id AS mapped_stage, i.stage_id AS inferred_stage, q.sentiment, i.sentiment AS inferred_sentiment,
            coalesce(pa.persona_id, r.persona_id) AS persona_id, coalesce(tagged.tags, '[]'::json) AS tags
       FROM quotes q
       LEFT JOIN tagged ON tagged.quote_id = q.id
       LEFT JOIN synthesis_quote_inferences i ON i.run_id = $2 AND i.quote_id = q.id
       LEFT JOIN utterances u ON u.id = q.utterance_id
       LEFT JOIN research_sessions s ON s.id = q.session_id
       LEFT JOIN participants pa ON pa.id = u.participant_id
       LEFT JOIN survey_responses r ON r.id = q.response_id
      WHERE q.project_id = $1
      ORDER BY q.text COLLATE "C", ${QUOTE_CONTENT_KEY} COLLATE "C", tagged.tag_names COLLATE "C" NULLS FIRST, q.id`,
    [projectId, runId],
  )) as QuoteRow[];
  return rows.map(toEvidence);
}

function toEvidence(row: QuoteRow): EvidenceQuote {
  const stageId = row.tagged_stage ?? row.mapped_stage ?? row.inferred_stage;
  const valences = row.tags.filter((tag) => tag.kind === 'emotion' && typeof tag.valence === 'number').map((tag) => tag.valence as number);
  const tagged = valences.length ? valences.reduce((a, b) => a + b, 0) / valences.length : null;
  const personal = row.sentiment ?? tagged;
  return {
    id: row.id,
    text: row.text,
    stageId,
    stageInferred: row.tagged_stage === null && row.mapped_stage === null && row.inferred_stage !== null,
    sentiment: personal ?? row.inferred_sentiment,
    sentimentInferred: personal === null && row.inferred_sentiment !== null,
    tags: row.tags.map((tag) => (isCatchAllTag(tag.kind, tag.name) ? { ...tag, generic: true } : tag)),
    participantKey: row.participant_key,
    sourceId: row.source_id,
    sourceKind: row.source_type === 'transcript' ? 'session' : 'survey',
    personaId: row.persona_id,
  };
}

/** Accepted jobs with the quotes of the cluster that stands for each. */
export async function loadJobs(dataSource: DataSource, projectId: string): Promise<JourneyJobInput[]> {
  const rows = (await dataSource.query(
    `SELECT j.id, j.title, j.statement, ${aggregatedIds('m.quote_id')} AS quote_ids
       FROM project_jobs j LEFT JOIN synthesis_cluster_members m ON m.cluster_id = j.cluster_id
      WHERE j.project_id = $1 GROUP BY j.id ORDER BY j.created_at, j.id`,
    [projectId],
  )) as Array<{ id: string; title: string; statement: string; quote_ids: string }>;
  return rows.map((row) => ({ id: row.id, title: row.title, statement: row.statement, quoteIds: splitIds(row.quote_ids) }));
}

/**
 * Theme clusters of the latest run that people did not discard. A theme's key on the map
 * is the id of the earliest cluster in its chain of matched runs, so a theme keeps its
 * findings' keys (and their review) across runs.
 */
export async function loadThemes(dataSource: DataSource, runId: string | null): Promise<JourneyThemeInput[]> {
  if (!runId) return [];
  const rows = (await dataSource.query(
    `WITH RECURSIVE chain AS (
       SELECT c.id, c.id AS root, c.previous_cluster_id FROM synthesis_clusters c WHERE c.run_id = $1 AND c.kind = 'theme' AND c.status IN ('proposed', 'accepted')
       UNION ALL
       SELECT chain.id, p.id, p.previous_cluster_id FROM chain JOIN synthesis_clusters p ON p.id = chain.previous_cluster_id
     ), roots AS (SELECT DISTINCT ON (id) id, root FROM chain WHERE previous_cluster_id IS NULL)
     SELECT c.id, roots.root, c.label, c.edited, c.mean_sentiment,
            ${aggregatedIds('m.quote_id')} AS quote_ids
       FROM synthesis_clusters c JOIN roots ON roots.id = c.id
       LEFT JOIN synthesis_cluster_members m ON m.cluster_id = c.id
      GROUP BY c.id, roots.root ORDER BY c.position`,
    [runId],
  )) as Array<{ id: string; root: string; label: string; edited: boolean; mean_sentiment: number | null; quote_ids: string }>;
  return rows.map((row) => ({ id: row.root, label: row.label, named: row.edited, quoteIds: splitIds(row.quote_ids), meanSentiment: row.mean_sentiment }));
}

/**
 * The touchpoint analysis of the latest run, rebuilt from its touchpoint clusters (one
 * mention per quote), with today's inventory: what no quote mentions is silent.
 */
export async function loadTouchpoints(dataSource: DataSource, projectId: string, runId: string | null): Promise<Pick<TouchpointAnalysis, 'mentions' | 'matrix' | 'missing' | 'silent'>> {
  const clusters = runId
    ? ((await dataSource.query(
        `SELECT c.id, c.label, c.touchpoint_id, c.touchpoint_key, c.channel, c.mean_sentiment,
                ${aggregatedIds('m.quote_id')} AS quote_ids
           FROM synthesis_clusters c LEFT JOIN synthesis_cluster_members m ON m.cluster_id = c.id
          WHERE c.run_id = $1 AND c.kind = 'touchpoint' AND c.status IN ('proposed', 'accepted')
          GROUP BY c.id ORDER BY c.position`,
        [runId],
      )) as Array<{ id: string; label: string; touchpoint_id: string | null; touchpoint_key: string | null; channel: string | null; mean_sentiment: number | null; quote_ids: string }>).map((c) => ({ ...c, quote_ids: splitIds(c.quote_ids) }))
    : [];
  const inventory = (await dataSource.query(`SELECT id, name FROM touchpoints WHERE project_id = $1 ORDER BY lower(name), id`, [projectId])) as Array<{ id: string; name: string }>;
  const mentioned = new Set(clusters.map((c) => c.touchpoint_id).filter((id): id is string => id !== null));
  const kind = (channel: string | null) => (channel ?? 'other') as TouchpointAnalysis['missing'][number]['kind'];
  return {
    mentions: clusters.flatMap((c) =>
      c.quote_ids.map((quoteId) => ({
        quoteId,
        start: null,
        end: null,
        text: c.label,
        touchpointId: c.touchpoint_id,
        key: c.touchpoint_key,
        discovered: c.touchpoint_id === null,
        source: 'text' as const,
      })),
    ),
    matrix: {
      rows: clusters.map((c) => ({
        ref: c.touchpoint_id ?? `discovered:${c.touchpoint_key ?? c.label.toLowerCase()}`,
        touchpointId: c.touchpoint_id,
        key: c.touchpoint_key,
        name: c.label,
        kind: c.channel ? kind(c.channel) : null,
        discovered: c.touchpoint_id === null,
        quotes: c.quote_ids.length,
        mentions: c.quote_ids.length,
        participants: 0,
        meanSentiment: c.mean_sentiment,
      })),
      stageIds: [],
      cells: [],
    },
    missing: clusters
      .filter((c) => c.touchpoint_id === null && c.touchpoint_key !== null)
      .map((c) => ({
        key: c.touchpoint_key as string,
        name: c.label,
        nameRu: c.label,
        nameEn: c.label,
        kind: kind(c.channel),
        mentions: c.quote_ids.length,
        quotes: c.quote_ids.length,
        participants: 0,
        meanSentiment: c.mean_sentiment,
        exampleQuoteIds: c.quote_ids.slice(0, 3),
        stages: {},
      })),
    silent: inventory.filter((t) => !mentioned.has(t.id)).map((t) => ({ touchpointId: t.id, name: t.name })),
  };
}

interface ScaleQuestion {
  type?: string;
  name?: string;
  rateMin?: number;
  rateMax?: number;
  rateCount?: number;
  rateValues?: unknown[];
  elements?: ScaleQuestion[];
  pages?: ScaleQuestion[];
}

function findQuestion(node: ScaleQuestion | undefined, name: string): ScaleQuestion | null {
  if (!node) return null;
  if (node.name === name && node.type) return node;
  for (const child of [...(node.pages ?? []), ...(node.elements ?? [])]) {
    const found = findQuestion(child, name);
    if (found) return found;
  }
  return null;
}

/** The numeric scale of a question: a rating's range (1–5 by default), NPS 0–10, yes/no 0–1. */
export function questionScale(question: ScaleQuestion | null, metric: string): { min: number; max: number } | null {
  if (metric === 'nps') return { min: 0, max: 10 };
  if (!question) return null;
  if (question.type === 'boolean') return { min: 0, max: 1 };
  if (question.type !== 'rating') return null;
  if (Array.isArray(question.rateValues) && question.rateValues.length > 1) {
    const values = question.rateValues.map((v) => Number(typeof v === 'object' && v !== null ? (v as { value: unknown }).value : v)).filter(Number.isFinite);
    if (values.length > 1) return { min: Math.min(...values), max: Math.max(...values) };
  }
  const min = question.rateMin ?? 1;
  const max = question.rateMax ?? (question.rateCount ? min + question.rateCount - 1 : 5);
  return max > min ? { min, max } : null;
}

/** Answers to questions mapped as emotion / CSAT / CES for a stage, with their scales. */
export async function loadSurveyMetrics(dataSource: DataSource, projectId: string): Promise<SurveyMetricPoint[]> {
  const mappings = (await dataSource.query(
    `SELECT m.survey_id, m.question_name, m.stage_id, m.metric, s.definition
       FROM survey_question_mappings m JOIN surveys s ON s.id = m.survey_id
      WHERE s.project_id = $1 AND m.stage_id IS NOT NULL AND m.metric IN ('emotion', 'csat', 'ces')`,
    [projectId],
  )) as Array<{ survey_id: string; question_name: string; stage_id: string; metric: 'emotion' | 'csat' | 'ces'; definition: ScaleQuestion }>;
  const points: SurveyMetricPoint[] = [];
  for (const mapping of mappings) {
    const scale = questionScale(findQuestion(mapping.definition, mapping.question_name), mapping.metric);
    if (!scale) continue;
    const rows = (await dataSource.query(
      `SELECT respondent_key, persona_id, (answers->>$2)::numeric::float AS value
         FROM survey_responses WHERE survey_id = $1 AND jsonb_typeof(answers->$2) = 'number'`,
      [mapping.survey_id, mapping.question_name],
    )) as Array<{ respondent_key: string; persona_id: string | null; value: number }>;
    for (const row of rows) {
      points.push({
        stageId: mapping.stage_id,
        kind: mapping.metric,
        value: row.value,
        min: scale.min,
        max: scale.max,
        respondentKey: `respondent:${mapping.survey_id}:${row.respondent_key}`,
        sourceId: mapping.survey_id,
        personaId: row.persona_id,
      });
    }
  }
  return points;
}

/** The project's customer events, ordered by customer and time. */
export async function loadEvents(dataSource: DataSource, projectId: string): Promise<CustomerEvent[]> {
  const events = (await dataSource.query(
    `SELECT customer_id, stage_id, touchpoint_id, at, amount::float AS amount FROM customer_events WHERE project_id = $1 ORDER BY customer_id, at, id`,
    [projectId],
  )) as Array<{ customer_id: string; stage_id: string | null; touchpoint_id: string | null; at: Date; amount: number | null }>;
  return events.map((e) => ({ customerId: e.customer_id, stageId: e.stage_id, touchpointId: e.touchpoint_id, at: e.at, amount: e.amount }));
}

export interface EventFunnel {
  funnel: FunnelModel | null;
  handoffs: HandOff[];
}

/** The funnel and the channel hand-offs of events (none without events or stages). */
export function funnelOf(events: readonly CustomerEvent[], stages: AssembleJourneyInput['stages']): EventFunnel {
  if (events.length === 0 || stages.length === 0) return { funnel: null, handoffs: [] };
  return {
    funnel: buildFunnel([...events], { stages: stages.map((s) => ({ id: s.id, order: s.order, name: s.name })) }),
    handoffs: channelHandOffs(events).handOffs,
  };
}

/** Stores the funnel of the events for these stages (called by the import, which has the events at hand). */
export async function saveEventFunnel(manager: EntityManager, projectId: string, stages: AssembleJourneyInput['stages'], computed: EventFunnel): Promise<void> {
  await manager.query(
    `INSERT INTO customer_funnels (project_id, stage_ids, funnel, handoffs, computed_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (project_id) DO UPDATE SET stage_ids = EXCLUDED.stage_ids, funnel = EXCLUDED.funnel, handoffs = EXCLUDED.handoffs, computed_at = now()`,
    [projectId, stages.map((s) => s.id), JSON.stringify(computed.funnel), JSON.stringify(computed.handoffs)],
  );
}

/**
 * The events' funnel, computed once per import: read back while the stages are the
 * same, computed again from the events (and stored) when the stages changed.
 */
export async function loadEventFunnel(dataSource: DataSource, projectId: string, stages: AssembleJourneyInput['stages']): Promise<EventFunnel> {
  const [cached] = (await dataSource.query(`SELECT stage_ids, funnel, handoffs FROM customer_funnels WHERE project_id = $1`, [projectId])) as Array<{
    stage_ids: string[];
    funnel: FunnelModel | null;
    handoffs: HandOff[];
  }>;
  if (cached && cached.stage_ids.join() === stages.map((s) => s.id).join()) return { funnel: cached.funnel, handoffs: cached.handoffs };
  const computed = funnelOf(await loadEvents(dataSource, projectId), stages);
  await saveEventFunnel(dataSource.manager, projectId, stages, computed);
  return computed;
}

/**
 * KPIs per stage: computed from events, overridden stage by stage and KPI by KPI by
 * values people entered (the latest period entered wins).
 */
export async function loadMetrics(dataSource: DataSource, projectId: string, funnel: FunnelModel | null): Promise<StageMetricInput[]> {
  const byStage = new Map<string, StageMetricInput>();
  if (funnel) {
    for (const stage of funnel.stages) {
      const purchase = stage.stageId === funnel.purchaseStageId;
      byStage.set(stage.stageId, {
        stageId: stage.stageId,
        leads: stage.leads,
        conversion: stage.conversion,
        averageCheck: purchase ? funnel.averageCheck : null,
        purchaseFrequency: purchase ? funnel.purchaseFrequency : null,
        source: 'events',
      });
    }
  }
  const manual = (await dataSource.query(
    `SELECT DISTINCT ON (stage_id, kpi) stage_id, kpi, value::float AS value FROM stage_metrics
      WHERE project_id = $1 AND source = 'manual' ORDER BY stage_id, kpi, period_start DESC`,
    [projectId],
  )) as Array<{ stage_id: string; kpi: 'L' | 'C' | 'P' | 'Q'; value: number }>;
  const field = { L: 'leads', C: 'conversion', P: 'averageCheck', Q: 'purchaseFrequency' } as const;
  for (const row of manual) {
    const metric = byStage.get(row.stage_id) ?? { stageId: row.stage_id, source: 'manual' as const };
    metric[field[row.kpi]] = row.value;
    metric.source = 'manual';
    byStage.set(row.stage_id, metric);
  }
  return [...byStage.values()];
}

export async function projectLanguage(dataSource: DataSource, projectId: string): Promise<ProjectLanguage> {
  const [row] = (await dataSource.query(`SELECT language FROM projects WHERE id = $1`, [projectId])) as Array<{ language: ProjectLanguage }>;
  return row?.language ?? 'en';
}

/** A stage id sent by a person must be one of the project's stages (400 naming the field otherwise). */
export async function assertStageOfProject(db: DataSource | EntityManager, projectId: string, stageId: string, field = 'stageId'): Promise<void> {
  const [stage] = (await db.query(`SELECT id FROM stages WHERE id = $1 AND project_id = $2`, [stageId, projectId])) as unknown[];
  if (!stage) throw DomainException.invalid(field, `${field} is not a stage of this project`);
}
