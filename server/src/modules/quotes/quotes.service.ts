import { Injectable } from '@nestjs/common';
import type { Page, QuoteResponse } from '@tropa/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import type { BulkTagDto, CreateQuoteDto, QuoteListQueryDto, UpdateQuoteDto } from '../codebook/dto/codebook.dto';
import { QuoteTagEntity, TagEntity } from '../codebook/tag.entity';
import { UtteranceEntity } from '../sessions/session.entities';
import type { UserEntity } from '../users/user.entity';
import { QuoteEntity } from './quote.entity';

interface QuoteRow {
  id: string;
  source_type: QuoteResponse['sourceType'];
  text: string;
  session_id: string | null;
  utterance_id: string | null;
  survey_id: string | null;
  response_id: string | null;
  question_name: string | null;
  start_offset: number;
  end_offset: number;
  participant_key: string | null;
  stage_id: string | null;
  sentiment: number | null;
  created_at: Date;
  source_title: string | null;
  source_speaker: string | null;
  tags: QuoteResponse['tags'];
}

function rowToQuote(row: QuoteRow): QuoteResponse {
  return {
    id: row.id,
    sourceType: row.source_type,
    text: row.text,
    sessionId: row.session_id,
    utteranceId: row.utterance_id,
    surveyId: row.survey_id,
    responseId: row.response_id,
    questionName: row.question_name,
    sourceTitle: row.source_title,
    speaker: row.source_speaker,
    start: row.start_offset,
    end: row.end_offset,
    participantKey: row.participant_key,
    stageId: row.stage_id,
    sentiment: row.sentiment,
    tags: row.tags,
    createdAt: row.created_at.toISOString(),
  };
}

/** A quote with its source (session or survey title, speaker) and its tags; `visibleTag` narrows the tags (blind coding). */
function quoteSelect(visibleTag = 'true'): string {
  return `SELECT q.id, q.source_type, q.text, q.session_id, q.utterance_id, q.survey_id, q.response_id, q.question_name, q.start_offset, q.end_offset,
                 q.participant_key, q.stage_id, q.sentiment, q.created_at,
                 coalesce(rs.title, sv.title) AS source_title, coalesce(pa.pseudonym, u.speaker) AS source_speaker,
                 coalesce((SELECT json_agg(json_build_object('tagId', qt.tag_id, 'appliedBy', qt.applied_by) ORDER BY qt.created_at, qt.tag_id)
                             FROM quote_tags qt WHERE qt.quote_id = q.id AND ${visibleTag}), '[]') AS tags
            FROM quotes q
            LEFT JOIN research_sessions rs ON rs.id = q.session_id
            LEFT JOIN utterances u ON u.id = q.utterance_id
            LEFT JOIN participants pa ON pa.id = u.participant_id
            LEFT JOIN surveys sv ON sv.id = q.survey_id`;
}

/** One quote as the API shows it, every coder's tags included (after a write). */
async function readQuote(manager: EntityManager, quoteId: string): Promise<QuoteResponse> {
  const [row] = await manager.query<QuoteRow[]>(`${quoteSelect()} WHERE q.id = $1`, [quoteId]);
  return rowToQuote(row);
}

/** Quotes of both kinds — transcript highlights and open survey answers — and the tags coders apply to them. */
@Injectable()
export class QuotesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of quotes with their sources and tags, in two plain statements (the page with its
   * tags aggregated, and the count over the quotes alone): this list is read on every
   * filter change, and the ORM's query building and hydration cost more than the queries.
   */
  async list(projectId: string, query: QuoteListQueryDto, user: UserEntity): Promise<Page<QuoteResponse>> {
    const window = pageWindow(query);
    const params: unknown[] = [projectId];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['q.project_id = $1'];
    if (query.q) {
      const q = param(query.q);
      // The `russian` configuration stems Cyrillic words with the Russian stemmer and Latin ones with the English.
      where.push(`q.search @@ websearch_to_tsquery('russian', ${q})`);
    }
    if (query.sessionId) where.push(`q.session_id = ${param(query.sessionId)}`);
    if (query.surveyId) where.push(`q.survey_id = ${param(query.surveyId)}`);
    if (query.sourceType) where.push(`q.source_type = ${param(query.sourceType)}`);
    if (query.stageId) where.push(`q.stage_id = ${param(query.stageId)}`);
    if (query.participantKey) where.push(`q.participant_key = ${param(query.participantKey)}`);
    if (query.personaId) {
      const persona = param(query.personaId);
      where.push(`(EXISTS (SELECT 1 FROM utterances pu JOIN participants pp ON pp.id = pu.participant_id WHERE pu.id = q.utterance_id AND pp.persona_id = ${persona})
        OR EXISTS (SELECT 1 FROM survey_responses pr WHERE pr.id = q.response_id AND pr.persona_id = ${persona}))`);
    }
    if (query.sentiment !== undefined) where.push(`q.sentiment = ${param(query.sentiment)}`);
    if (query.tagId || query.appliedBy) {
      const conditions = ['qt.quote_id = q.id', ...(query.tagId ? [`qt.tag_id = ${param(query.tagId)}`] : []), ...(query.appliedBy ? [`qt.applied_by = ${param(query.appliedBy)}`] : [])];
      where.push(`EXISTS (SELECT 1 FROM quote_tags qt WHERE ${conditions.join(' AND ')})`);
    }
    // Blind coding: until they compare, coders see only their own highlights and tags in such sessions.
    const blind = !query.compare;
    const me = blind ? param(user.id) : '';
    if (blind) {
      where.push(`(q.session_id IS NULL OR NOT EXISTS (SELECT 1 FROM research_sessions s WHERE s.id = q.session_id AND s.blind_coding)
        OR q.created_by = ${me} OR EXISTS (SELECT 1 FROM quote_tags mine WHERE mine.quote_id = q.id AND mine.applied_by = ${me}))`);
    }
    const filter = where.join(' AND ');
    const countParams = [...params];
    const visibleTag = blind ? `(q.session_id IS NULL OR NOT rs.blind_coding OR qt.applied_by = ${me})` : 'true';
    const [rows, counted] = await Promise.all([
      this.dataSource.query<QuoteRow[]>(
        `${quoteSelect(visibleTag)}
          WHERE ${filter}
          ORDER BY q.created_at ${sqlOrder(query.order, 'desc')}, q.id ASC
          LIMIT ${param(window.pageSize)} OFFSET ${param(window.skip)}`,
        params,
      ),
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM quotes q WHERE ${filter}`, countParams),
    ]);
    return { items: rows.map(rowToQuote), total: counted[0]?.total ?? 0, page: window.page, pageSize: window.pageSize };
  }

  /** A highlight: an exact span of an utterance, so it always shows its context. */
  async create(projectId: string, dto: CreateQuoteDto, user: UserEntity): Promise<QuoteResponse> {
    return this.dataSource.transaction(async (manager) => {
      const utterance = await manager.findOneBy(UtteranceEntity, { id: dto.utteranceId, projectId });
      if (!utterance) throw DomainException.invalid('utteranceId', 'utteranceId must be an utterance of this project');
      if (dto.end > utterance.text.length) throw DomainException.invalid('end', `end must be at most ${utterance.text.length}, the length of the utterance`);
      if (dto.start >= dto.end) throw DomainException.invalid('start', 'start must be before end');
      const text = utterance.text.slice(dto.start, dto.end);
      if (!text.trim()) throw DomainException.invalid('start', 'the selected span is empty');
      const tags = dto.tagIds?.length ? await manager.findBy(TagEntity, { projectId, id: In([...new Set(dto.tagIds)]) }) : [];
      if (dto.tagIds && tags.length !== new Set(dto.tagIds).size) throw DomainException.invalid('tagIds', 'tagIds must be tags of this project');
      const stageTag = tags.find((tag) => tag.stageId);
      const quote = await manager.save(
        manager.create(QuoteEntity, {
          projectId,
          sourceType: 'transcript',
          sessionId: utterance.sessionId,
          utteranceId: utterance.id,
          startOffset: dto.start,
          endOffset: dto.end,
          text,
          participantKey: utterance.participantId,
          stageId: stageTag?.stageId ?? null,
          createdBy: user.id,
        }),
      );
      if (tags.length) await manager.insert(QuoteTagEntity, tags.map((tag) => ({ quoteId: quote.id, tagId: tag.id, appliedBy: user.id })));
      return readQuote(manager, quote.id);
    });
  }

  async update(projectId: string, quoteId: string, dto: UpdateQuoteDto): Promise<QuoteResponse> {
    const quote = await this.find(projectId, quoteId);
    if (dto.sentiment !== undefined) quote.sentiment = dto.sentiment;
    await this.dataSource.getRepository(QuoteEntity).save(quote);
    return readQuote(this.dataSource.manager, quoteId);
  }

  async remove(projectId: string, quoteId: string): Promise<void> {
    const quote = await this.find(projectId, quoteId);
    if (quote.sourceType !== 'transcript') throw DomainException.conflict('quoteId', 'A survey answer’s quote goes with its response: delete the response instead');
    await this.dataSource.getRepository(QuoteEntity).delete({ id: quoteId });
  }

  /** Applies a tag as this coder; a stage tag also sets the quote's stage. */
  async applyTag(projectId: string, quoteId: string, tagId: string, user: UserEntity): Promise<QuoteResponse> {
    await this.find(projectId, quoteId);
    const tag = await this.dataSource.getRepository(TagEntity).findOneBy({ id: tagId, projectId });
    if (!tag) throw DomainException.invalid('tagId', 'tagId must be a tag of this project');
    await this.dataSource.getRepository(QuoteTagEntity).upsert({ quoteId, tagId, appliedBy: user.id }, ['quoteId', 'tagId', 'appliedBy']);
    if (tag.stageId) await this.dataSource.getRepository(QuoteEntity).update({ id: quoteId }, { stageId: tag.stageId });
    return readQuote(this.dataSource.manager, quoteId);
  }

  /** One tag on many quotes in one statement; quotes of other projects are refused, nothing half-done. */
  async bulkTag(projectId: string, dto: BulkTagDto, user: UserEntity): Promise<{ quotes: number }> {
    return this.dataSource.transaction(async (manager) => {
      const ids = [...new Set(dto.quoteIds)];
      const tag = await manager.findOneBy(TagEntity, { id: dto.tagId, projectId });
      if (!tag) throw DomainException.invalid('tagId', 'tagId must be a tag of this project');
      if ((await manager.countBy(QuoteEntity, { projectId, id: In(ids) })) !== ids.length) throw DomainException.invalid('quoteIds', 'quoteIds must be quotes of this project');
      if (dto.action === 'remove') {
        const result = await manager.delete(QuoteTagEntity, { quoteId: In(ids), tagId: tag.id, appliedBy: user.id });
        return { quotes: result.affected ?? 0 };
      }
      await manager.query(
        `INSERT INTO quote_tags (quote_id, tag_id, applied_by) SELECT q, $2, $3 FROM unnest($1::uuid[]) AS q ON CONFLICT DO NOTHING`,
        [ids, tag.id, user.id],
      );
      if (tag.stageId) await manager.update(QuoteEntity, { id: In(ids) }, { stageId: tag.stageId });
      return { quotes: ids.length };
    });
  }

  /** Removes this coder's application of the tag. */
  async removeTag(projectId: string, quoteId: string, tagId: string, user: UserEntity): Promise<void> {
    await this.find(projectId, quoteId);
    const result = await this.dataSource.getRepository(QuoteTagEntity).delete({ quoteId, tagId, appliedBy: user.id });
    if (!result.affected) throw DomainException.notFound('Tag on this quote');
  }

  private async find(projectId: string, quoteId: string): Promise<QuoteEntity> {
    const quote = await this.dataSource.getRepository(QuoteEntity).findOneBy({ id: quoteId, projectId });
    if (!quote) throw DomainException.notFound('Quote');
    return quote;
  }
}
