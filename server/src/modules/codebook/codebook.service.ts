import { Injectable } from '@nestjs/common';
import type { Page, TagResponse } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import { StageEntity } from '../stages/stage.entity';
import type { CreateTagDto, TagListQueryDto, UpdateTagDto } from './dto/codebook.dto';
import { TagEntity } from './tag.entity';

function toTagResponse(tag: TagEntity, usage: number): TagResponse {
  return {
    id: tag.id,
    parentId: tag.parentId,
    kind: tag.kind,
    name: tag.name,
    color: tag.color,
    description: tag.description,
    shortcut: tag.shortcut,
    stageId: tag.stageId,
    valence: tag.valence,
    usage,
  };
}

function conflictOf(error: unknown): never {
  if (isUniqueViolation(error)) {
    const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint ?? '';
    if (constraint.includes('shortcut')) throw DomainException.conflict('shortcut', 'Another tag uses this shortcut');
    throw DomainException.conflict('name', 'A tag of this kind with this name already exists');
  }
  throw error;
}

@Injectable()
export class CodebookService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: TagListQueryDto): Promise<Page<TagResponse>> {
    const window = pageWindow({ ...query, pageSize: query.pageSize ?? 100 });
    const builder = this.dataSource
      .getRepository(TagEntity)
      .createQueryBuilder('tag')
      // Stage tags follow the journey's order.
      .leftJoin(StageEntity, 'stage', 'stage.id = tag.stage_id')
      .where('tag.project_id = :projectId', { projectId })
      .orderBy(query.sort === 'name' ? 'tag.name' : 'tag.kind', sqlOrder(query.order))
      .addOrderBy('stage.position', 'ASC', 'NULLS LAST')
      .addOrderBy('tag.created_at', 'ASC')
      .addOrderBy('tag.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize);
    if (query.kind) builder.andWhere('tag.kind = :kind', { kind: query.kind });
    if (query.q) builder.andWhere('tag.name ILIKE :q', { q: likePattern(query.q) });
    const [rows, total] = await builder.getManyAndCount();
    const usage = await this.usage(rows.map((row) => row.id));
    return { items: rows.map((row) => toTagResponse(row, usage.get(row.id) ?? 0)), total, page: window.page, pageSize: window.pageSize };
  }

  async get(projectId: string, tagId: string): Promise<TagResponse> {
    const tag = await this.find(this.dataSource.manager, projectId, tagId);
    return toTagResponse(tag, (await this.usage([tagId])).get(tagId) ?? 0);
  }

  async create(projectId: string, dto: CreateTagDto): Promise<TagResponse> {
    if (dto.kind === 'stage') throw DomainException.invalid('kind', 'Stage tags follow the project’s stages: add a stage instead');
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentId) await this.find(manager, projectId, dto.parentId, 'parentId');
      const saved = await manager
        .save(
          manager.create(TagEntity, {
            projectId,
            kind: dto.kind,
            name: dto.name,
            parentId: dto.parentId ?? null,
            color: dto.color ?? '#6b7280',
            description: dto.description ?? '',
            shortcut: dto.shortcut ?? null,
            valence: dto.valence ?? null,
          }),
        )
        .catch(conflictOf);
      return toTagResponse(saved, 0);
    });
  }

  async update(projectId: string, tagId: string, dto: UpdateTagDto): Promise<TagResponse> {
    await this.dataSource.transaction(async (manager) => {
      const tag = await this.find(manager, projectId, tagId);
      if (dto.parentId !== undefined && dto.parentId !== null) {
        await this.find(manager, projectId, dto.parentId, 'parentId');
        await this.assertNoCycle(manager, tagId, dto.parentId);
      }
      if (dto.name !== undefined && tag.stageId) throw DomainException.invalid('name', 'A stage tag is renamed with its stage');
      Object.assign(tag, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
      await manager.save(tag).catch(conflictOf);
    });
    return this.get(projectId, tagId);
  }

  /** Deletes the tag, its children and their applications to quotes. */
  async remove(projectId: string, tagId: string): Promise<void> {
    const tag = await this.find(this.dataSource.manager, projectId, tagId);
    if (tag.stageId) throw DomainException.invalid('tagId', 'A stage tag goes with its stage: delete the stage instead');
    await this.dataSource.getRepository(TagEntity).delete({ id: tagId, projectId });
  }

  /** Folds a tag into another of the project: its applications follow (duplicates collapse), its children move, it goes. */
  async merge(projectId: string, tagId: string, intoTagId: string): Promise<TagResponse> {
    if (tagId === intoTagId) throw DomainException.invalid('intoTagId', 'A tag cannot be merged into itself');
    await this.dataSource.transaction(async (manager) => {
      const source = await this.find(manager, projectId, tagId);
      await this.find(manager, projectId, intoTagId, 'intoTagId');
      if (source.stageId) throw DomainException.invalid('tagId', 'A stage tag goes with its stage and cannot be merged');
      await this.assertNoCycle(manager, tagId, intoTagId, 'intoTagId');
      await manager.query(
        `INSERT INTO quote_tags (quote_id, tag_id, applied_by, created_at)
         SELECT quote_id, $2, applied_by, created_at FROM quote_tags WHERE tag_id = $1
         ON CONFLICT DO NOTHING`,
        [tagId, intoTagId],
      );
      await manager.update(TagEntity, { parentId: tagId }, { parentId: intoTagId });
      await manager.delete(TagEntity, { id: tagId });
    });
    return this.get(projectId, intoTagId);
  }

  /** A tag may not move under itself or one of its descendants. */
  private async assertNoCycle(manager: EntityManager, tagId: string, parentId: string, field = 'parentId'): Promise<void> {
    const [{ cycle }] = await manager.query<Array<{ cycle: boolean }>>(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM tags WHERE id = $2
         UNION ALL
         SELECT t.id, t.parent_id FROM tags t JOIN ancestors a ON t.id = a.parent_id
       )
       SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $1) AS cycle`,
      [tagId, parentId],
    );
    if (cycle) throw DomainException.invalid(field, 'A tag cannot be placed under itself or one of its children');
  }

  private async usage(tagIds: string[]): Promise<Map<string, number>> {
    if (!tagIds.length) return new Map();
    const rows = await this.dataSource.query<Array<{ tag_id: string; n: number }>>(
      'SELECT tag_id, count(DISTINCT quote_id)::int AS n FROM quote_tags WHERE tag_id = ANY($1) GROUP BY tag_id',
      [tagIds],
    );
    return new Map(rows.map((row) => [row.tag_id, row.n]));
  }

  async find(manager: EntityManager, projectId: string, tagId: string, field?: string): Promise<TagEntity> {
    const tag = await manager.findOneBy(TagEntity, { id: tagId, projectId });
    if (!tag) throw field ? DomainException.invalid(field, `${field} must be a tag of this project`) : DomainException.notFound('Tag');
    return tag;
  }
}
