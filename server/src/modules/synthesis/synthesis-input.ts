import type { SynthesisFilters } from '@tropa/contracts';
import type { QuoteInput, QuoteTag, StageInput, TouchpointInput } from '@tropa/synthesis';
import type { DataSource } from 'typeorm';
import { QUOTE_CONTENT_KEY } from '../quotes/quote-content-key';

const BATCH = 5000;

/** The WHERE clause of a run's quotes ($1 is the project), with its parameters. */
export function quoteFilter(projectId: string, filters: SynthesisFilters, alias = 'q'): { where: string; params: unknown[] } {
  const params: unknown[] = [projectId];
  const clauses = [`${alias}.project_id = $1`];
  const add = (sql: (p: string) => string, value: unknown): void => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filters.sessionId) add((p) => `${alias}.session_id = ${p}`, filters.sessionId);
  if (filters.surveyId) add((p) => `${alias}.survey_id = ${p}`, filters.surveyId);
  if (filters.from) add((p) => `${alias}.created_at >= ${p}::date`, filters.from);
  if (filters.to) add((p) => `${alias}.created_at < ${p}::date + 1`, filters.to);
  if (filters.personaId)
    add(
      (p) => `(EXISTS (SELECT 1 FROM utterances u JOIN participants pa ON pa.id = u.participant_id
                        WHERE u.id = ${alias}.utterance_id AND pa.persona_id = ${p})
               OR EXISTS (SELECT 1 FROM survey_responses r WHERE r.id = ${alias}.response_id AND r.persona_id = ${p}))`,
      filters.personaId,
    );
  return { where: clauses.join(' AND '), params };
}

export async function countQuotes(dataSource: DataSource, projectId: string, filters: SynthesisFilters): Promise<number> {
  const { where, params } = quoteFilter(projectId, filters);
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM quotes q WHERE ${where}`, params)) as Array<{ n: number }>;
  return row.n;
}

interface QuoteRow {
  id: string;
  text: string;
  participant_key: string | null;
  source_id: string | null;
  sentiment: number | null;
  tags: QuoteTag[];
  content_key: string;
}

/**
 * The run's evidence as engine input, read in keyset batches, in content order (see
 * byContent). Tags of every coder count once;
 * a survey answer's mapped stage and touchpoint count as tags, as a moderator's would.
 */
export async function loadQuotes(dataSource: DataSource, projectId: string, filters: SynthesisFilters): Promise<QuoteInput[]> {
  const { where, params } = quoteFilter(projectId, filters);
  const quotes: QuoteInput[] = [];
  const contentKeys = new Map<string, string>();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT q.id, q.text, q.participant_key, coalesce(q.session_id, q.survey_id)::text AS source_id, q.sentiment,
              coalesce(tag_list.tags, '[]'::json) AS tags, ${QUOTE_CONTENT_KEY} AS content_key
         FROM quotes q
         LEFT JOIN utterances u ON u.id = q.utterance_id
         LEFT JOIN participants pa ON pa.id = u.participant_id
         LEFT JOIN research_sessions s ON s.id = q.session_id
         LEFT JOIN LATERAL (
           SELECT json_agg(tag ORDER BY tag->>'kind', tag->>'id') AS tags FROM (
             SELECT jsonb_build_object('kind', t.kind, 'id', coalesce(t.stage_id, tp.id, t.id), 'name', t.name, 'score', t.valence) AS tag
               FROM tags t
               LEFT JOIN touchpoints tp ON t.kind = 'touchpoint' AND tp.project_id = t.project_id AND lower(tp.name) = lower(t.name)
              WHERE t.id IN (SELECT qt.tag_id FROM quote_tags qt WHERE qt.quote_id = q.id)
             UNION ALL
             SELECT jsonb_build_object('kind', 'stage', 'id', q.stage_id, 'name', '') WHERE q.stage_id IS NOT NULL
             UNION ALL
             SELECT jsonb_build_object('kind', 'touchpoint', 'id', q.touchpoint_id, 'name', '') WHERE q.touchpoint_id IS NOT NULL
           ) AS tag_rows
         ) AS tag_list ON true
        WHERE ${where} AND q.id > $${params.length + 1}
        ORDER BY q.id
        LIMIT ${BATCH}`,
      [...params, after],
    )) as QuoteRow[];
    for (const row of rows) {
      const tags = row.tags.map((tag) => (tag.score === null ? { kind: tag.kind, id: tag.id, name: tag.name } : tag));
      contentKeys.set(row.id, `${row.content_key}\u001f${tags.map((tag) => `${tag.kind}:${tag.name}`).sort().join(',')}`);
      quotes.push({
        id: row.id,
        text: row.text,
        ...(tags.length ? { tags } : {}),
        ...(row.participant_key ? { participantId: row.participant_key } : {}),
        ...(row.source_id ? { sourceId: row.source_id } : {}),
        ...(row.sentiment === null ? {} : { sentiment: row.sentiment }),
      });
    }
    if (rows.length < BATCH) return quotes.sort(byContent(contentKeys));
    after = rows[rows.length - 1].id;
  }
}

/**
 * The engine's input order: by text, then where and by whom it was said (QUOTE_CONTENT_KEY) and
 * the names of its tags, then id, so that the same evidence and seed give the same clusters in
 * any project (ids are random; two demo projects got different maps when the engine read quotes
 * by id, and differed still where only the participants' ids told equal texts apart).
 */
function byContent(contentKeys: ReadonlyMap<string, string>): (a: QuoteInput, b: QuoteInput) => number {
  return (a, b) => compare(a.text, b.text) || compare(contentKeys.get(a.id) ?? '', contentKeys.get(b.id) ?? '') || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function loadStages(dataSource: DataSource, projectId: string): Promise<StageInput[]> {
  const rows = (await dataSource.query(`SELECT id, name, description, position FROM stages WHERE project_id = $1 ORDER BY position`, [projectId])) as Array<{
    id: string;
    name: string;
    description: string;
    position: number;
  }>;
  return rows.map((row) => ({ id: row.id, name: row.name, order: row.position, ...(row.description ? { description: row.description } : {}) }));
}

export async function loadInventory(dataSource: DataSource, projectId: string): Promise<TouchpointInput[]> {
  const rows = (await dataSource.query(`SELECT id, name, aliases, channel FROM touchpoints WHERE project_id = $1 ORDER BY lower(name), id`, [projectId])) as Array<{
    id: string;
    name: string;
    aliases: string[];
    channel: string;
  }>;
  return rows.map((row) => ({ id: row.id, name: row.name, aliases: row.aliases, channel: row.channel }));
}
