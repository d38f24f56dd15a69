import { Injectable } from '@nestjs/common';
import type { Page, StageResponse, StageSort } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import { MAX_STAGES, type CreateStageDto, type ReorderStagesDto, type StageListQueryDto, type UpdateStageDto } from './dto/stages.dto';
import { StageEntity } from './stage.entity';
import { stageTagColor } from '../codebook/starter-codebook';
import { TagEntity } from '../codebook/tag.entity';

const SORT_COLUMNS: Record<StageSort, string> = { position: 'stage.position', name: 'stage.name' };

export function toStageResponse(stage: StageEntity): StageResponse {
  return { id: stage.id, name: stage.name, description: stage.description, position: stage.position };
}

@Injectable()
export class StagesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: StageListQueryDto): Promise<Page<StageResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(StageEntity)
      .createQueryBuilder('stage')
      .where('stage.project_id = :projectId', { projectId })
      .orderBy(SORT_COLUMNS[query.sort ?? 'position'], sqlOrder(query.order))
      .addOrderBy('stage.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) builder.andWhere('stage.name ILIKE :q', { q: likePattern(query.q) });
    return toPage(await builder.getManyAndCount(), window, toStageResponse);
  }

  async create(projectId: string, dto: CreateStageDto): Promise<StageResponse> {
    return this.dataSource.transaction(async (manager) => {
      const count = await this.lockStages(manager, projectId);
      if (count >= MAX_STAGES) throw DomainException.invalid('name', `A project can have at most ${MAX_STAGES} stages`);
      const position = Math.min(dto.position ?? count, count);
      await manager
        .createQueryBuilder()
        .update(StageEntity)
        .set({ position: () => 'position + 1' })
        .where('project_id = :projectId AND position >= :position', { projectId, position })
        .execute();
      const saved = await manager.save(manager.create(StageEntity, { projectId, name: dto.name, description: dto.description ?? '', position }));
      // Every stage has its tag in the codebook, so quotes can be coded by stage.
      await manager.insert(TagEntity, { projectId, kind: 'stage', name: saved.name, stageId: saved.id, color: stageTagColor(position) });
      return toStageResponse(saved);
    });
  }

  async update(projectId: string, stageId: string, dto: UpdateStageDto): Promise<StageResponse> {
    const repository = this.dataSource.getRepository(StageEntity);
    const stage = await repository.findOneBy({ id: stageId, projectId });
    if (!stage) throw DomainException.notFound('Stage');
    if (dto.name !== undefined) stage.name = dto.name;
    if (dto.description !== undefined) stage.description = dto.description;
    const saved = await repository.save(stage);
    if (dto.name !== undefined) await this.dataSource.getRepository(TagEntity).update({ projectId, stageId }, { name: saved.name });
    return toStageResponse(saved);
  }

  async remove(projectId: string, stageId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockStages(manager, projectId);
      const stage = await manager.findOneBy(StageEntity, { id: stageId, projectId });
      if (!stage) throw DomainException.notFound('Stage');
      await manager.delete(StageEntity, { id: stageId });
      await manager
        .createQueryBuilder()
        .update(StageEntity)
        .set({ position: () => 'position - 1' })
        .where('project_id = :projectId AND position > :position', { projectId, position: stage.position })
        .execute();
    });
  }

  /** Sets the order of all stages at once; the list must name each stage of the project exactly once. */
  async reorder(projectId: string, dto: ReorderStagesDto): Promise<StageResponse[]> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockStages(manager, projectId);
      const stages = await manager.find(StageEntity, { where: { projectId } });
      const known = new Set(stages.map((stage) => stage.id));
      const given = new Set(dto.stageIds.map((id) => id.toLowerCase()));
      if (given.size !== dto.stageIds.length || given.size !== known.size || [...given].some((id) => !known.has(id))) {
        throw DomainException.invalid('stageIds', 'stageIds must list every stage of the project exactly once');
      }
      const ids = [...given];
      await manager.query(
        `UPDATE stages SET position = ordered.position - 1
           FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, position)
          WHERE stages.id = ordered.id AND stages.project_id = $2`,
        [ids, projectId],
      );
      const reordered = await manager.find(StageEntity, { where: { projectId }, order: { position: 'ASC' } });
      return reordered.map(toStageResponse);
    });
  }

  /** Serialises changes to a project's stage order; returns how many stages it has. */
  private async lockStages(manager: EntityManager, projectId: string): Promise<number> {
    await manager.query(`SELECT 1 FROM projects WHERE id = $1 FOR UPDATE`, [projectId]);
    return manager.count(StageEntity, { where: { projectId } });
  }
}
