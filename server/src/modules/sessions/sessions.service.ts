import { Injectable } from '@nestjs/common';
import type { Page, ParticipantResponse, ProjectRole, SessionResponse, SessionSort, UtteranceResponse } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import { MembershipEntity } from '../members/membership.entity';
import { PersonaEntity } from '../personas/persona.entity';
import type { CreateParticipantDto, CreateSessionDto, SessionListQueryDto, UpdateParticipantDto, UpdateSessionDto, UtteranceListQueryDto } from './dto/sessions.dto';
import { ParticipantEntity, ResearchSessionEntity, UtteranceEntity } from './session.entities';

const SORT_COLUMNS: Record<SessionSort, string> = { title: 'session.title', heldOn: 'session.heldOn', createdAt: 'session.createdAt' };
/** Contact data is personal: only owners and researchers see it. */
const SEES_CONTACTS: ProjectRole[] = ['owner', 'researcher'];
export const MASKED = '•••';

function toSessionResponse(session: ResearchSessionEntity, counts: { participants: number; utterances: number }): SessionResponse {
  return {
    id: session.id,
    kind: session.kind,
    title: session.title,
    heldOn: session.heldOn,
    moderatorId: session.moderatorId,
    notes: session.notes,
    blindCoding: session.blindCoding,
    participantCount: counts.participants,
    utteranceCount: counts.utterances,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

export function toParticipantResponse(participant: ParticipantEntity, role: ProjectRole): ParticipantResponse {
  return {
    id: participant.id,
    pseudonym: participant.pseudonym,
    personaId: participant.personaId,
    consent: participant.consent,
    contact: participant.contact === null ? null : SEES_CONTACTS.includes(role) ? participant.contact : MASKED,
    erasedAt: participant.erasedAt?.toISOString() ?? null,
  };
}

function toUtteranceResponse(row: UtteranceEntity): UtteranceResponse {
  return { id: row.id, position: row.position, speaker: row.speaker, participantId: row.participantId, moderator: row.moderator, startMs: row.startMs, endMs: row.endMs, text: row.text };
}

@Injectable()
export class SessionsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: SessionListQueryDto): Promise<Page<SessionResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(ResearchSessionEntity)
      .createQueryBuilder('session')
      .where('session.project_id = :projectId', { projectId })
      .orderBy(SORT_COLUMNS[query.sort ?? 'createdAt'], sqlOrder(query.order, query.sort ? 'asc' : 'desc'), 'NULLS LAST')
      .addOrderBy('session.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) builder.andWhere('session.title ILIKE :q', { q: likePattern(query.q) });
    if (query.kind) builder.andWhere('session.kind = :kind', { kind: query.kind });
    const [rows, total] = await builder.getManyAndCount();
    const counts = await this.counts(rows.map((row) => row.id));
    return { items: rows.map((row) => toSessionResponse(row, counts(row.id))), total, page: window.page, pageSize: window.pageSize };
  }

  async create(projectId: string, dto: CreateSessionDto): Promise<SessionResponse> {
    if (dto.moderatorId) await this.assertMember(projectId, dto.moderatorId);
    const repository = this.dataSource.getRepository(ResearchSessionEntity);
    const saved = await repository.save(
      repository.create({ projectId, kind: dto.kind, title: dto.title, heldOn: dto.heldOn ?? null, moderatorId: dto.moderatorId ?? null, notes: dto.notes ?? '', blindCoding: dto.blindCoding ?? false }),
    );
    return toSessionResponse(saved, { participants: 0, utterances: 0 });
  }

  async get(projectId: string, sessionId: string): Promise<SessionResponse> {
    const session = await this.find(this.dataSource.manager, projectId, sessionId);
    return toSessionResponse(session, (await this.counts([sessionId]))(sessionId));
  }

  async update(projectId: string, sessionId: string, dto: UpdateSessionDto): Promise<SessionResponse> {
    const session = await this.find(this.dataSource.manager, projectId, sessionId);
    if (dto.moderatorId) await this.assertMember(projectId, dto.moderatorId);
    if (dto.kind !== undefined) session.kind = dto.kind;
    if (dto.title !== undefined) session.title = dto.title;
    if (dto.heldOn !== undefined) session.heldOn = dto.heldOn;
    if (dto.moderatorId !== undefined) session.moderatorId = dto.moderatorId;
    if (dto.notes !== undefined) session.notes = dto.notes;
    if (dto.blindCoding !== undefined) session.blindCoding = dto.blindCoding;
    await this.dataSource.getRepository(ResearchSessionEntity).save(session);
    return this.get(projectId, sessionId);
  }

  async remove(projectId: string, sessionId: string): Promise<void> {
    const result = await this.dataSource.getRepository(ResearchSessionEntity).delete({ id: sessionId, projectId });
    if (!result.affected) throw DomainException.notFound('Session');
  }

  async listParticipants(projectId: string, sessionId: string, query: { page?: number; pageSize?: number }, role: ProjectRole): Promise<Page<ParticipantResponse>> {
    await this.find(this.dataSource.manager, projectId, sessionId);
    const window = pageWindow(query);
    const result = await this.dataSource
      .getRepository(ParticipantEntity)
      .findAndCount({ where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' }, skip: window.skip, take: window.pageSize });
    return toPage(result, window, (row) => toParticipantResponse(row, role));
  }

  async addParticipant(projectId: string, sessionId: string, dto: CreateParticipantDto, role: ProjectRole): Promise<ParticipantResponse> {
    await this.find(this.dataSource.manager, projectId, sessionId);
    if (dto.personaId) await this.assertPersona(projectId, dto.personaId);
    const repository = this.dataSource.getRepository(ParticipantEntity);
    const saved = await repository
      .save(repository.create({ projectId, sessionId, pseudonym: dto.pseudonym, personaId: dto.personaId ?? null, consent: dto.consent ?? false, contact: dto.contact ?? null }))
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw DomainException.conflict('pseudonym', 'Another participant of this session has this pseudonym');
        throw error;
      });
    return toParticipantResponse(saved, role);
  }

  async updateParticipant(projectId: string, sessionId: string, participantId: string, dto: UpdateParticipantDto, role: ProjectRole): Promise<ParticipantResponse> {
    const repository = this.dataSource.getRepository(ParticipantEntity);
    const participant = await repository.findOneBy({ id: participantId, sessionId, projectId });
    if (!participant) throw DomainException.notFound('Participant');
    if (dto.personaId) await this.assertPersona(projectId, dto.personaId);
    if (dto.pseudonym !== undefined) participant.pseudonym = dto.pseudonym;
    if (dto.personaId !== undefined) participant.personaId = dto.personaId;
    if (dto.consent !== undefined) participant.consent = dto.consent;
    if (dto.contact !== undefined) participant.contact = dto.contact;
    const saved = await repository.save(participant).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw DomainException.conflict('pseudonym', 'Another participant of this session has this pseudonym');
      throw error;
    });
    return toParticipantResponse(saved, role);
  }

  async removeParticipant(projectId: string, sessionId: string, participantId: string): Promise<void> {
    const result = await this.dataSource.getRepository(ParticipantEntity).delete({ id: participantId, sessionId, projectId });
    if (!result.affected) throw DomainException.notFound('Participant');
  }

  async listUtterances(projectId: string, sessionId: string, query: UtteranceListQueryDto): Promise<Page<UtteranceResponse>> {
    await this.find(this.dataSource.manager, projectId, sessionId);
    const window = pageWindow(query);
    const result = await this.dataSource.getRepository(UtteranceEntity).findAndCount({
      where: { sessionId, ...(query.participantId ? { participantId: query.participantId } : {}) },
      order: { position: query.order === 'desc' ? 'DESC' : 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(result, window, toUtteranceResponse);
  }

  async find(manager: EntityManager, projectId: string, sessionId: string): Promise<ResearchSessionEntity> {
    const session = await manager.findOneBy(ResearchSessionEntity, { id: sessionId, projectId });
    if (!session) throw DomainException.notFound('Session');
    return session;
  }

  private async counts(sessionIds: string[]): Promise<(id: string) => { participants: number; utterances: number }> {
    const rows = sessionIds.length
      ? await this.dataSource.query<Array<{ id: string; participants: number; utterances: number }>>(
          `SELECT s.id,
                  (SELECT count(*)::int FROM participants p WHERE p.session_id = s.id) AS participants,
                  (SELECT count(*)::int FROM utterances u WHERE u.session_id = s.id) AS utterances
             FROM unnest($1::uuid[]) AS s(id)`,
          [sessionIds],
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return (id) => byId.get(id) ?? { participants: 0, utterances: 0 };
  }

  private async assertMember(projectId: string, userId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(MembershipEntity).existsBy({ projectId, userId }))) {
      throw DomainException.invalid('moderatorId', 'moderatorId must be a member of the project');
    }
  }

  private async assertPersona(projectId: string, personaId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(PersonaEntity).existsBy({ projectId, id: personaId }))) {
      throw DomainException.invalid('personaId', 'personaId must be a persona of this project');
    }
  }
}
