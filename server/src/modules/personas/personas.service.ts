import { Injectable } from '@nestjs/common';
import type { Page, PersonaResponse, PersonaSort } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import type { CreatePersonaDto, PersonaListQueryDto, UpdatePersonaDto } from './dto/personas.dto';
import { PersonaEntity } from './persona.entity';

const SORT_COLUMNS: Record<PersonaSort, string> = { name: 'persona.name', createdAt: 'persona.createdAt' };

function toPersonaResponse(persona: PersonaEntity): PersonaResponse {
  return {
    id: persona.id,
    name: persona.name,
    description: persona.description,
    goals: persona.goals,
    attributes: persona.attributes,
    createdAt: persona.createdAt.toISOString(),
  };
}

@Injectable()
export class PersonasService {
  constructor(private readonly dataSource: DataSource) {}

  async list(projectId: string, query: PersonaListQueryDto): Promise<Page<PersonaResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(PersonaEntity)
      .createQueryBuilder('persona')
      .where('persona.project_id = :projectId', { projectId })
      .orderBy(SORT_COLUMNS[query.sort ?? 'createdAt'], sqlOrder(query.order))
      .addOrderBy('persona.id', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) builder.andWhere('(persona.name ILIKE :q OR persona.description ILIKE :q)', { q: likePattern(query.q) });
    return toPage(await builder.getManyAndCount(), window, toPersonaResponse);
  }

  async create(projectId: string, dto: CreatePersonaDto): Promise<PersonaResponse> {
    const repository = this.dataSource.getRepository(PersonaEntity);
    const saved = await repository.save(
      repository.create({ projectId, name: dto.name, description: dto.description ?? '', goals: dto.goals ?? [], attributes: dto.attributes ?? {} }),
    );
    return toPersonaResponse(saved);
  }

  async update(projectId: string, personaId: string, dto: UpdatePersonaDto): Promise<PersonaResponse> {
    const repository = this.dataSource.getRepository(PersonaEntity);
    const persona = await repository.findOneBy({ id: personaId, projectId });
    if (!persona) throw DomainException.notFound('Persona');
    if (dto.name !== undefined) persona.name = dto.name;
    if (dto.description !== undefined) persona.description = dto.description;
    if (dto.goals !== undefined) persona.goals = dto.goals;
    if (dto.attributes !== undefined) persona.attributes = dto.attributes;
    return toPersonaResponse(await repository.save(persona));
  }

  async remove(projectId: string, personaId: string): Promise<void> {
    const result = await this.dataSource.getRepository(PersonaEntity).delete({ id: personaId, projectId });
    if (!result.affected) throw DomainException.notFound('Persona');
  }
}
