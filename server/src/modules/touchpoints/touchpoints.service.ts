import { Injectable } from '@nestjs/common';
import type { Page, TouchpointResponse, TouchpointSort } from '@tropa/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { StageEntity } from '../stages/stage.entity';
import type { CreateTouchpointDto, TouchpointListQueryDto, UpdateTouchpointDto } from './dto/touchpoints.dto';
import { TouchpointEntity } from './touchpoint.entity';

const SORT_COLUMNS: Record<TouchpointSort, string> = {
  name: 'touchpoint.name',
  channel: 'touchpoint.channel',
  createdAt: 'touchpoint.createdAt',
};

function toTouchpointResponse(touchpoint: TouchpointEntity): TouchpointResponse {
  return {
    id: touchpoint.id,
    name: touchpoint.name,
    channel: touchpoint.channel,
    online: touchpoint.online,
    ownerDepartment: touchpoint.ownerDepartment,
    stageIds: [...(touchpoint.stages ?? [])].sort((a, b) => a.position - b.position).map((stage) => stage.id),
    aliases: touchpoint.aliases,
    origin: touchpoint.origin,
    createdAt: touchpoint.createdAt.toISOString(),
  };
}

/** Case-insensitive duplicates collapse; order is kept. */
function uniqueAliases(aliases: string[]): string[] {
  const seen = new Set<string>();
  return aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

@Injectable()
export class TouchpointsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: TouchpointListQueryDto): Promise<Page<TouchpointResponse>> {
    const window = pageWindow(query);
    const ids = this.dataSource
      .getRepository(TouchpointEntity)
      .createQueryBuilder('touchpoint')
      .select('touchpoint.id', 'id')
      .where('touchpoint.project_id = :projectId', { projectId });
    if (query.q) ids.andWhere('(touchpoint.name ILIKE :q OR touchpoint.aliases::text ILIKE :q)', { q: likePattern(query.q) });
    if (query.channel) ids.andWhere('touchpoint.channel = :channel', { channel: query.channel });
    if (query.online !== undefined) ids.andWhere('touchpoint.online = :online', { online: query.online });
    if (query.stageId) {
      ids.andWhere('EXISTS (SELECT 1 FROM touchpoint_stages link WHERE link.touchpoint_id = touchpoint.id AND link.stage_id = :stageId)', {
        stageId: query.stageId,
      });
    }
    const total = await ids.getCount();
    const pageIds = await ids
      .orderBy(SORT_COLUMNS[query.sort ?? 'name'], sqlOrder(query.order))
      .addOrderBy('touchpoint.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize)
      .getRawMany<{ id: string }>();
    const rows = pageIds.length
      ? await this.dataSource.getRepository(TouchpointEntity).find({ where: { id: In(pageIds.map((row) => row.id)) }, relations: { stages: true } })
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      items: pageIds.map((row) => toTouchpointResponse(byId.get(row.id) as TouchpointEntity)),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async create(projectId: string, dto: CreateTouchpointDto): Promise<TouchpointResponse> {
    return this.save(async (manager) => {
      await this.assertNameFree(manager, projectId, dto.name);
      const touchpoint = manager.create(TouchpointEntity, {
        projectId,
        name: dto.name,
        channel: dto.channel,
        online: dto.online,
        ownerDepartment: dto.ownerDepartment ?? '',
        aliases: uniqueAliases(dto.aliases ?? []),
        origin: 'inventory',
        stages: await this.projectStages(manager, projectId, dto.stageIds ?? []),
      });
      return manager.save(touchpoint);
    });
  }

  async update(projectId: string, touchpointId: string, dto: UpdateTouchpointDto): Promise<TouchpointResponse> {
    return this.save(async (manager) => {
      const touchpoint = await manager.findOne(TouchpointEntity, { where: { id: touchpointId, projectId }, relations: { stages: true } });
      if (!touchpoint) throw DomainException.notFound('Touchpoint');
      if (dto.name !== undefined && dto.name.toLowerCase() !== touchpoint.name.toLowerCase()) {
        await this.assertNameFree(manager, projectId, dto.name);
      }
      if (dto.name !== undefined) touchpoint.name = dto.name;
      if (dto.channel !== undefined) touchpoint.channel = dto.channel;
      if (dto.online !== undefined) touchpoint.online = dto.online;
      if (dto.ownerDepartment !== undefined) touchpoint.ownerDepartment = dto.ownerDepartment;
      if (dto.aliases !== undefined) touchpoint.aliases = uniqueAliases(dto.aliases);
      if (dto.stageIds !== undefined) touchpoint.stages = await this.projectStages(manager, projectId, dto.stageIds);
      return manager.save(touchpoint);
    });
  }

  async remove(projectId: string, touchpointId: string): Promise<void> {
    const result = await this.dataSource.getRepository(TouchpointEntity).delete({ id: touchpointId, projectId });
    if (!result.affected) throw DomainException.notFound('Touchpoint');
  }

  private async save(work: (manager: EntityManager) => Promise<TouchpointEntity>): Promise<TouchpointResponse> {
    const saved = await this.dataSource.transaction(work).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw DomainException.conflict('name', 'A touchpoint with this name already exists in the project');
      throw error;
    });
    return toTouchpointResponse(saved);
  }

  private async assertNameFree(manager: EntityManager, projectId: string, name: string): Promise<void> {
    const taken = await manager
      .getRepository(TouchpointEntity)
      .createQueryBuilder('touchpoint')
      .where('touchpoint.project_id = :projectId AND lower(touchpoint.name) = lower(:name)', { projectId, name })
      .getExists();
    if (taken) throw DomainException.conflict('name', 'A touchpoint with this name already exists in the project');
  }

  /** The stages with these ids, all of which must belong to the project. */
  private async projectStages(manager: EntityManager, projectId: string, stageIds: string[]): Promise<StageEntity[]> {
    const unique = [...new Set(stageIds.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return [];
    const stages = await manager.find(StageEntity, { where: { projectId, id: In(unique) } });
    if (stages.length !== unique.length) throw DomainException.invalid('stageIds', 'stageIds must be stages of this project');
    return stages;
  }
}
