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

/** What the list shows of a quote's source, read with the quote in one query. */
interface QuoteSource {
  sourceTitle: string | null;
  speaker: string | null;
}

interface SourceRow {
  quote_id: string;
  source_title: string | null;
  source_speaker: string | null;
}

const NO_SOURCE: QuoteSource = { sourceTitle: null, speaker: null };

/** The source of one quote (after a write), with the same joins as the list. */
async function sourceOf(manager: EntityManager, quoteId: string): Promise<QuoteSource> {
  const [row] = await manager.query<Array<{ source_title: string | null; source_speaker: string | null }>>(
    `SELECT COALESCE(s.title, sv.title) AS source_title, COALESCE(p.pseudonym, u.speaker) AS source_speaker
       FROM quotes q
       LEFT JOIN research_sessions s ON s.id = q.session_id
       LEFT JOIN utterances u ON u.id = q.utterance_id
       LEFT JOIN participants p ON p.id = u.participant_id
       LEFT JOIN surveys sv ON sv.id = q.survey_id
      WHERE q.id = $1`,
    [quoteId],
  );
  return row ? { sourceTitle: row.source_title, speaker: row.source_speaker } : NO_SOURCE;
}

function toQuoteResponse(quote: QuoteEntity, tags: QuoteTagEntity[], source: QuoteSource): QuoteResponse {
  return {
    id: quote.id,
    sourceType: quote.sourceType,
    text: quote.text,
    sessionId: quote.sessionId,
    utteranceId: quote.utteranceId,
    surveyId: quote.surveyId,
    responseId: quote.responseId,
    questionName: quote.questionName,
    sourceTitle: source.sourceTitle,
    speaker: source.speaker,
    start: quote.startOffset,
    end: quote.endOffset,
    participantKey: quote.participantKey,
    stageId: quote.stageId,
    sentiment: quote.sentiment,
    tags: tags.map((tag) => ({ tagId: tag.tagId, appliedBy: tag.appliedBy })),
    createdAt: quote.createdAt.toISOString(),
  };
}

/** Quotes of both kinds — transcript highlights and open survey answers — and the tags coders apply to them. */
@Injectable()
export class QuotesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: QuoteListQueryDto, user: UserEntity): Promise<Page<QuoteResponse>> {
    const window = pageWindow(query);
    // Filters need no join (persona through EXISTS), so the count reads the quotes alone.
    const filtered = this.dataSource.getRepository(QuoteEntity).createQueryBuilder('quote').where('quote.project_id = :projectId', { projectId });
    if (query.q) {
      filtered.andWhere(`quote.search @@ (websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q))`, { q: query.q });
    }
    if (query.sessionId) filtered.andWhere('quote.session_id = :sessionId', { sessionId: query.sessionId });
    if (query.surveyId) filtered.andWhere('quote.survey_id = :surveyId', { surveyId: query.surveyId });
    if (query.sourceType) filtered.andWhere('quote.source_type = :sourceType', { sourceType: query.sourceType });
    if (query.stageId) filtered.andWhere('quote.stage_id = :stageId', { stageId: query.stageId });
    if (query.participantKey) filtered.andWhere('quote.participant_key = :participantKey', { participantKey: query.participantKey });
    if (query.personaId) {
      filtered.andWhere(
        `(EXISTS (SELECT 1 FROM utterances pu JOIN participants pp ON pp.id = pu.participant_id WHERE pu.id = quote.utterance_id AND pp.persona_id = :personaId)
          OR EXISTS (SELECT 1 FROM survey_responses pr WHERE pr.id = quote.response_id AND pr.persona_id = :personaId))`,
        { personaId: query.personaId },
      );
    }
    if (query.sentiment !== undefined) filtered.andWhere('quote.sentiment = :sentiment', { sentiment: query.sentiment });
    if (query.tagId || query.appliedBy) {
      const conditions = ['qt.quote_id = quote.id', ...(query.tagId ? ['qt.tag_id = :tagId'] : []), ...(query.appliedBy ? ['qt.applied_by = :appliedBy'] : [])];
      filtered.andWhere(`EXISTS (SELECT 1 FROM quote_tags qt WHERE ${conditions.join(' AND ')})`, { tagId: query.tagId, appliedBy: query.appliedBy });
    }
    // Blind coding: until they compare, coders see only their own highlights and tags in such sessions.
    const blind = !query.compare;
    if (blind) {
      filtered.andWhere(
        `(quote.session_id IS NULL OR NOT EXISTS (SELECT 1 FROM research_sessions s WHERE s.id = quote.session_id AND s.blind_coding)
          OR quote.created_by = :me OR EXISTS (SELECT 1 FROM quote_tags mine WHERE mine.quote_id = quote.id AND mine.applied_by = :me))`,
        { me: user.id },
      );
    }
    const builder = filtered
      .clone()
      // Each join finds at most one row per quote, so offset/limit page the quotes themselves.
      .leftJoin('research_sessions', 'source_session', 'source_session.id = quote.session_id')
      .leftJoin('utterances', 'source_utterance', 'source_utterance.id = quote.utterance_id')
      .leftJoin('participants', 'source_participant', 'source_participant.id = source_utterance.participant_id')
      .leftJoin('surveys', 'source_survey', 'source_survey.id = quote.survey_id')
      .addSelect('COALESCE(source_session.title, source_survey.title)', 'source_title')
      .addSelect('COALESCE(source_participant.pseudonym, source_utterance.speaker)', 'source_speaker')
      .orderBy('quote.createdAt', sqlOrder(query.order, 'desc'))
      .addOrderBy('quote.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize);
    const counted = filtered.clone().select('count(*)::int', 'total');
    const [{ entities: rows, raw }, count] = await Promise.all([builder.getRawAndEntities<SourceRow>(), counted.getRawOne<{ total: number }>()]);
    const total = count?.total ?? 0;
    const sources = new Map(raw.map((row) => [row.quote_id, { sourceTitle: row.source_title, speaker: row.source_speaker }]));
    const blindSessions = blind
      ? new Set(
          (await this.dataSource.query<Array<{ id: string }>>('SELECT id FROM research_sessions WHERE blind_coding AND id = ANY($1)', [
            [...new Set(rows.map((row) => row.sessionId).filter((id): id is string => id !== null))],
          ])).map((row) => row.id),
        )
      : new Set<string>();
    const visible = (quote: QuoteEntity, tag: QuoteTagEntity) => !quote.sessionId || !blindSessions.has(quote.sessionId) || tag.appliedBy === user.id;
    const tags = rows.length ? await this.dataSource.getRepository(QuoteTagEntity).find({ where: { quoteId: In(rows.map((row) => row.id)) }, order: { createdAt: 'ASC' } }) : [];
    return {
      items: rows.map((row) => toQuoteResponse(row, tags.filter((tag) => tag.quoteId === row.id && visible(row, tag)), sources.get(row.id) ?? NO_SOURCE)),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
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
      return toQuoteResponse(quote, await manager.findBy(QuoteTagEntity, { quoteId: quote.id }), await sourceOf(manager, quote.id));
    });
  }

  async update(projectId: string, quoteId: string, dto: UpdateQuoteDto): Promise<QuoteResponse> {
    const quote = await this.find(projectId, quoteId);
    if (dto.sentiment !== undefined) quote.sentiment = dto.sentiment;
    await this.dataSource.getRepository(QuoteEntity).save(quote);
    return toQuoteResponse(quote, await this.dataSource.getRepository(QuoteTagEntity).findBy({ quoteId }), await sourceOf(this.dataSource.manager, quoteId));
  }

  async remove(projectId: string, quoteId: string): Promise<void> {
    const quote = await this.find(projectId, quoteId);
    if (quote.sourceType !== 'transcript') throw DomainException.conflict('quoteId', 'A survey answer’s quote goes with its response: delete the response instead');
    await this.dataSource.getRepository(QuoteEntity).delete({ id: quoteId });
  }

  /** Applies a tag as this coder; a stage tag also sets the quote's stage. */
  async applyTag(projectId: string, quoteId: string, tagId: string, user: UserEntity): Promise<QuoteResponse> {
    const quote = await this.find(projectId, quoteId);
    const tag = await this.dataSource.getRepository(TagEntity).findOneBy({ id: tagId, projectId });
    if (!tag) throw DomainException.invalid('tagId', 'tagId must be a tag of this project');
    await this.dataSource.getRepository(QuoteTagEntity).upsert({ quoteId, tagId, appliedBy: user.id }, ['quoteId', 'tagId', 'appliedBy']);
    if (tag.stageId) await this.dataSource.getRepository(QuoteEntity).update({ id: quoteId }, { stageId: tag.stageId });
    return toQuoteResponse(
      { ...quote, stageId: tag.stageId ?? quote.stageId },
      await this.dataSource.getRepository(QuoteTagEntity).findBy({ quoteId }),
      await sourceOf(this.dataSource.manager, quoteId),
    );
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
