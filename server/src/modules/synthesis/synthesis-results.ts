import { randomUUID } from 'node:crypto';
import type { ClusterChangeCounts, ClusterKind, SynthesisCounts } from '@tropa/contracts';
import { matchClusters, type MatchableCluster, type SynthesisResult } from '@tropa/synthesis';
import type { EntityManager } from 'typeorm';

const CHUNK = 5000;

/** SQL of a quote's stage as people set it: a moderator's stage tag, else the survey question's mapping. */
export const TAGGED_STAGE_SQL = (quote: string): string => `coalesce(
  (SELECT t.stage_id FROM quote_tags qt JOIN tags t ON t.id = qt.tag_id
    WHERE qt.quote_id = ${quote}.id AND t.kind = 'stage' AND t.stage_id IS NOT NULL ORDER BY t.stage_id LIMIT 1),
  ${quote}.stage_id)`;

/** A cluster of the previous run, with what people decided about it. */
export interface PreviousCluster extends MatchableCluster {
  status: string;
  label: string;
  statement: string | null;
  edited: boolean;
  jobId: string | null;
  jobTitle: string | null;
  jobStatement: string | null;
  touchpointId: string | null;
}

interface ClusterRow {
  id: string;
  kind: ClusterKind;
  status: string;
  position: number;
  label: string;
  keywords: string[];
  statement: string | null;
  statement_parts: { situation: string | null; motivation: string | null; outcome: string | null } | null;
  edited: boolean;
  cohesion: number | null;
  mentions: number;
  touchpoint_id: string | null;
  touchpoint_key: string | null;
  channel: string | null;
  job_id: string | null;
  change: string | null;
  previous_cluster_id: string | null;
}

interface MemberRow {
  cluster_id: string;
  quote_id: string;
  score: number | null;
  representative: boolean;
}

export interface SavedRun {
  counts: SynthesisCounts;
  changes: ClusterChangeCounts | null;
  summary: Record<string, unknown>;
}

/** The previous successful run's clusters (merged ones are part of their survivor), with members. */
export async function loadPreviousClusters(manager: EntityManager, projectId: string, runId: string): Promise<PreviousCluster[] | null> {
  const [previous] = (await manager.query(
    `SELECT id FROM synthesis_runs WHERE project_id = $1 AND id <> $2 AND status = 'succeeded' ORDER BY finished_at DESC, created_at DESC LIMIT 1`,
    [projectId, runId],
  )) as Array<{ id: string }>;
  if (!previous) return null;
  const rows = (await manager.query(
    `SELECT c.id, c.kind, c.status, c.label, c.statement, c.edited, c.job_id, c.touchpoint_id, j.title AS job_title, j.statement AS job_statement,
            coalesce(array_agg(m.quote_id ORDER BY m.quote_id) FILTER (WHERE m.quote_id IS NOT NULL), '{}') AS members
       FROM synthesis_clusters c
       LEFT JOIN synthesis_cluster_members m ON m.cluster_id = c.id
       LEFT JOIN project_jobs j ON j.id = c.job_id
      WHERE c.run_id = $1 AND c.status <> 'merged'
      GROUP BY c.id, j.id
      ORDER BY c.position`,
    [previous.id],
  )) as Array<{
    id: string;
    kind: ClusterKind;
    status: string;
    label: string;
    statement: string | null;
    edited: boolean;
    job_id: string | null;
    touchpoint_id: string | null;
    job_title: string | null;
    job_statement: string | null;
    members: string[];
  }>;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    memberIds: row.members,
    status: row.status,
    label: row.label,
    statement: row.statement,
    edited: row.edited,
    jobId: row.job_id,
    jobTitle: row.job_title,
    jobStatement: row.job_statement,
    touchpointId: row.touchpoint_id,
  }));
}

function clusterRows(result: SynthesisResult): { clusters: ClusterRow[]; members: MemberRow[] } {
  const clusters: ClusterRow[] = [];
  const members: MemberRow[] = [];
  for (const cluster of result.clusters) {
    const id = randomUUID();
    const representatives = new Set(cluster.representativeIds);
    clusters.push({
      id,
      kind: cluster.kind,
      status: 'proposed',
      position: clusters.length,
      label: cluster.label || cluster.keywords.slice(0, 3).join(', ') || '—',
      keywords: cluster.keywords,
      statement: cluster.jtbd?.text ?? null,
      statement_parts: cluster.jtbd
        ? { situation: cluster.jtbd.situation.text, motivation: cluster.jtbd.motivation.text, outcome: cluster.jtbd.outcome.text }
        : null,
      edited: false,
      cohesion: cluster.cohesion,
      mentions: 0,
      touchpoint_id: null,
      touchpoint_key: null,
      channel: null,
      job_id: null,
      change: null,
      previous_cluster_id: null,
    });
    cluster.memberIds.forEach((quoteId, i) => {
      members.push({ cluster_id: id, quote_id: quoteId, score: cluster.scores[i] ?? null, representative: representatives.has(quoteId) });
    });
  }
  // Touchpoints: one cluster per touchpoint customers mention (inventory or discovered), its quotes as members.
  const quotesByRef = new Map<string, string[]>();
  for (const mention of result.touchpoints.mentions) {
    const ref = mention.touchpointId ?? `discovered:${mention.key ?? mention.text.toLowerCase()}`;
    const list = quotesByRef.get(ref) ?? [];
    if (!list.includes(mention.quoteId)) list.push(mention.quoteId);
    quotesByRef.set(ref, list);
  }
  const examples = new Map(result.touchpoints.missing.map((m) => [`discovered:${m.key}`, new Set(m.exampleQuoteIds)]));
  for (const row of result.touchpoints.matrix.rows) {
    const quoteIds = quotesByRef.get(row.ref) ?? [];
    if (quoteIds.length === 0) continue;
    const id = randomUUID();
    const representatives = examples.get(row.ref) ?? new Set(quoteIds.slice(0, 3));
    clusters.push({
      id,
      kind: 'touchpoint',
      status: 'proposed',
      position: clusters.length,
      label: row.name,
      keywords: row.key ? [row.key] : [],
      statement: null,
      statement_parts: null,
      edited: false,
      cohesion: null,
      mentions: row.mentions,
      touchpoint_id: row.touchpointId,
      touchpoint_key: row.key,
      channel: row.kind,
      job_id: null,
      change: null,
      previous_cluster_id: null,
    });
    for (const quoteId of quoteIds) members.push({ cluster_id: id, quote_id: quoteId, score: null, representative: representatives.has(quoteId) });
  }
  return { clusters, members };
}

// Quotes deleted while the run was computing are left out (a person erased them; the evidence is gone).

/** Carries people's decisions from the matched clusters of the previous run; returns the change counts. */
function carryDecisions(clusters: ClusterRow[], members: MemberRow[], previous: PreviousCluster[]): { changes: ClusterChangeCounts; jobLinks: Array<[string, string]> } {
  const memberIds = new Map<string, string[]>();
  for (const m of members) {
    const list = memberIds.get(m.cluster_id) ?? [];
    list.push(m.quote_id);
    memberIds.set(m.cluster_id, list);
  }
  const matching = matchClusters(
    previous,
    clusters.map((c) => ({ id: c.id, kind: c.kind, memberIds: memberIds.get(c.id) ?? [] })),
  );
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const before = new Map(previous.map((c) => [c.id, c]));
  const changes: ClusterChangeCounts = { new: matching.added.length, grown: 0, shrunk: 0, same: 0, gone: matching.removed.length };
  const jobLinks: Array<[string, string]> = [];
  for (const id of matching.added) byId.get(id)!.change = 'new';
  for (const pair of matching.pairs) {
    const next = byId.get(pair.nextId)!;
    const prev = before.get(pair.previousId)!;
    changes[pair.change] += 1;
    next.change = pair.change;
    next.previous_cluster_id = prev.id;
    if (prev.status === 'accepted' || prev.status === 'discarded') next.status = prev.status;
    if (prev.edited) {
      next.label = prev.label;
      next.statement = prev.statement;
      next.edited = true;
    }
    if (prev.jobId) {
      // The accepted job is the truth about its name and statement.
      next.job_id = prev.jobId;
      next.kind = prev.kind === 'touchpoint' ? next.kind : 'job';
      next.label = prev.jobTitle ?? next.label;
      next.statement = prev.jobStatement ?? next.statement;
      next.edited = true;
      jobLinks.push([prev.jobId, next.id]);
    }
    if (next.kind === 'touchpoint' && !next.touchpoint_id && prev.touchpointId) next.touchpoint_id = prev.touchpointId;
  }
  return { changes, jobLinks };
}

/** Inserts rows in chunks, each chunk as one JSON parameter ($1) expanded by jsonb_to_recordset. */
async function insertJson(manager: EntityManager, sql: string, rows: unknown[], extra: unknown[] = []): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK)), ...extra]);
  }
}

/**
 * Writes a run's results in the caller's transaction: anything an earlier attempt of
 * the same run left is deleted first, so a restarted run never duplicates clusters.
 */
export async function saveResults(
  manager: EntityManager,
  run: { id: string; projectId: string },
  result: SynthesisResult,
  previous: PreviousCluster[] | null,
  quoteCount: number,
): Promise<SavedRun> {
  await manager.query(`DELETE FROM synthesis_clusters WHERE run_id = $1`, [run.id]);
  await manager.query(`DELETE FROM synthesis_quote_inferences WHERE run_id = $1`, [run.id]);

  const { clusters, members } = clusterRows(result);
  const carried = previous ? carryDecisions(clusters, members, previous) : null;

  await insertJson(
    manager,
    `INSERT INTO synthesis_clusters (id, run_id, project_id, kind, status, position, label, keywords, statement, statement_parts, edited, cohesion, mentions,
                                     touchpoint_id, touchpoint_key, channel, job_id, change, previous_cluster_id)
     SELECT x.id, $2::uuid, $3::uuid, x.kind, x.status, x.position, left(x.label, 300), x.keywords, x.statement, x.statement_parts, x.edited, x.cohesion,
            x.mentions, (SELECT t.id FROM touchpoints t WHERE t.id = x.touchpoint_id), x.touchpoint_key, x.channel, (SELECT j.id FROM project_jobs j WHERE j.id = x.job_id), x.change, x.previous_cluster_id
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, kind text, status text, position int, label text, keywords jsonb, statement text, statement_parts jsonb,
            edited boolean, cohesion real, mentions int, touchpoint_id uuid, touchpoint_key text, channel text, job_id uuid, change text, previous_cluster_id uuid)`,
    clusters,
    [run.id, run.projectId],
  );
  await insertJson(
    manager,
    `INSERT INTO synthesis_cluster_members (cluster_id, quote_id, score, representative)
     SELECT x.cluster_id, x.quote_id, x.score, x.representative
       FROM jsonb_to_recordset($1::jsonb) AS x(cluster_id uuid, quote_id uuid, score real, representative boolean)
      WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.id = x.quote_id)`,
    members,
  );
  const sentiment = new Map(result.sentiment.map((s) => [s.quoteId, s]));
  await insertJson(
    manager,
    `INSERT INTO synthesis_quote_inferences (run_id, quote_id, stage_id, stage_source, stage_probability, sentiment, sentiment_source)
     SELECT $2::uuid, x.quote_id, (SELECT s.id FROM stages s WHERE s.id = x.stage_id), x.stage_source, x.stage_probability, x.sentiment, x.sentiment_source
       FROM jsonb_to_recordset($1::jsonb) AS x(quote_id uuid, stage_id uuid, stage_source text, stage_probability real, sentiment real, sentiment_source text)
      WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.id = x.quote_id)`,
    result.stages.map((s) => ({
      quote_id: s.quoteId,
      stage_id: s.stageId,
      stage_source: s.source,
      stage_probability: s.probability,
      sentiment: sentiment.get(s.quoteId)?.score ?? null,
      sentiment_source: sentiment.get(s.quoteId)?.source ?? null,
    })),
    [run.id],
  );
  for (const [jobId, clusterId] of carried?.jobLinks ?? []) {
    await manager.query(`UPDATE project_jobs SET cluster_id = $2 WHERE id = $1`, [jobId, clusterId]);
  }
  await recountClusters(manager, clusters.map((c) => c.id));

  const evidence = clusters.filter((c) => c.kind !== 'touchpoint');
  const counts: SynthesisCounts = {
    quotes: quoteCount,
    clusters: evidence.length,
    jobs: evidence.filter((c) => c.kind === 'job').length,
    themes: evidence.filter((c) => c.kind === 'theme').length,
    touchpoints: clusters.length - evidence.length,
    unclustered: result.unclustered.length,
    silent: result.touchpoints.silent.length,
    missing: result.touchpoints.missing.length,
  };
  return {
    counts,
    changes: carried?.changes ?? null,
    summary: { silent: result.touchpoints.silent, stageModel: result.stageModel },
  };
}

/**
 * Size, people, sources, mean sentiment and stage shares of clusters, from their
 * members as they are now (after the engine, or after a person merged, split or moved).
 * Stage of a quote: a person's (stage tag, survey mapping) before the run's inference.
 */
export async function recountClusters(manager: EntityManager, clusterIds: string[]): Promise<void> {
  if (clusterIds.length === 0) return;
  await manager.query(
    `WITH member_facts AS (
       SELECT m.cluster_id, q.participant_key, coalesce(q.session_id, q.survey_id) AS source_id,
              coalesce(q.sentiment::real, i.sentiment) AS sentiment,
              coalesce(${TAGGED_STAGE_SQL('q')}, i.stage_id) AS stage_id
         FROM synthesis_cluster_members m
         JOIN synthesis_clusters c ON c.id = m.cluster_id
         JOIN quotes q ON q.id = m.quote_id
         LEFT JOIN synthesis_quote_inferences i ON i.run_id = c.run_id AND i.quote_id = m.quote_id
        WHERE m.cluster_id = ANY($1::uuid[])
     ), stats AS (
       SELECT cluster_id, count(*)::int AS size, count(DISTINCT participant_key)::int AS participants,
              count(DISTINCT source_id)::int AS sources, round(avg(sentiment)::numeric, 2)::real AS mean_sentiment
         FROM member_facts GROUP BY cluster_id
     ), stage_counts AS (
       SELECT cluster_id, stage_id, count(*)::float AS n FROM member_facts WHERE stage_id IS NOT NULL GROUP BY cluster_id, stage_id
     ), stage_shares AS (
       SELECT cluster_id, jsonb_object_agg(stage_id, round((n / total)::numeric, 4)) AS distribution
         FROM (SELECT cluster_id, stage_id, n, sum(n) OVER (PARTITION BY cluster_id) AS total FROM stage_counts) s
        GROUP BY cluster_id
     )
     UPDATE synthesis_clusters c
        SET size = coalesce(stats.size, 0), participants = coalesce(stats.participants, 0), sources = coalesce(stats.sources, 0),
            mean_sentiment = stats.mean_sentiment, stage_distribution = coalesce(stage_shares.distribution, '{}'::jsonb)
       FROM unnest($1::uuid[]) AS ids(id)
       LEFT JOIN stats ON stats.cluster_id = ids.id
       LEFT JOIN stage_shares ON stage_shares.cluster_id = ids.id
      WHERE c.id = ids.id`,
    [clusterIds],
  );
}
