import { Injectable } from '@nestjs/common';
import { templateStageNames, type Page, type ProjectResponse, type ProjectRole, type ProjectSort } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder } from '../../core/http/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { MembershipEntity } from '../members/membership.entity';
import { seedStarterCodebook } from '../codebook/starter-codebook';
import { StageEntity } from '../stages/stage.entity';
import type { UserEntity } from '../users/user.entity';
import type { CreateProjectDto, ProjectListQueryDto, UpdateProjectDto } from './dto/projects.dto';
import { ProjectEntity } from './project.entity';

const SORT_COLUMNS: Record<ProjectSort, string> = {
  name: 'project.name',
  createdAt: 'project.createdAt',
  updatedAt: 'project.updatedAt',
};

export function toProjectResponse(project: ProjectEntity, myRole: ProjectRole): ProjectResponse {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    language: project.language,
    stageTemplate: project.stageTemplate,
    retentionDays: project.retentionDays ?? null,
    myRole,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The projects the user is a member of. */
  async list(user: UserEntity, query: ProjectListQueryDto): Promise<Page<ProjectResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(ProjectEntity)
      .createQueryBuilder('project')
      .innerJoin(MembershipEntity, 'membership', 'membership.project_id = project.id AND membership.user_id = :userId', { userId: user.id })
      .addSelect('membership.role', 'membership_role')
      .orderBy(SORT_COLUMNS[query.sort ?? 'updatedAt'], sqlOrder(query.order, query.sort ? 'asc' : 'desc'))
      .addOrderBy('project.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize);
    if (query.q) builder.andWhere('project.name ILIKE :q', { q: likePattern(query.q) });
    if (query.language) builder.andWhere('project.language = :language', { language: query.language });
    const [{ entities, raw }, total] = await Promise.all([builder.getRawAndEntities<{ membership_role: ProjectRole }>(), builder.getCount()]);
    return {
      items: entities.map((project, index) => toProjectResponse(project, raw[index].membership_role)),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  /** Creates the project with its stages from the chosen template; the creator becomes its owner. */
  async create(user: UserEntity, dto: CreateProjectDto): Promise<ProjectResponse> {
    if (!user.canCreateProjects) {
      throw DomainException.forbidden('Your account may not create projects: ask the instance administrator');
    }
    const project = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ProjectEntity, {
          name: dto.name,
          description: dto.description ?? '',
          language: dto.language,
          stageTemplate: dto.stageTemplate,
          createdBy: user.id,
        }),
      );
      await manager.insert(MembershipEntity, { projectId: saved.id, userId: user.id, role: 'owner' });
      const stages = templateStageNames(dto.stageTemplate, dto.language).map((name, position) => manager.create(StageEntity, { projectId: saved.id, name, description: '', position }));
      await manager.save(stages);
      await seedStarterCodebook(manager, saved.id, dto.language, stages);
      await this.audit.record(
        { action: 'project.create', actorId: user.id, actorEmail: user.email, projectId: saved.id, target: saved.name, details: { stageTemplate: dto.stageTemplate } },
        manager,
      );
      return saved;
    });
    return toProjectResponse(project, 'owner');
  }

  async get(projectId: string, role: ProjectRole): Promise<ProjectResponse> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id: projectId });
    if (!project) throw DomainException.notFound('Project');
    return toProjectResponse(project, role);
  }

  async update(projectId: string, dto: UpdateProjectDto, user: UserEntity): Promise<ProjectResponse> {
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.findOneBy(ProjectEntity, { id: projectId });
      if (!project) throw DomainException.notFound('Project');
      const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateProjectDto] !== undefined);
      Object.assign(project, Object.fromEntries(changed.map((key) => [key, dto[key as keyof UpdateProjectDto]])));
      const saved = await manager.save(project);
      await this.audit.record({ action: 'project.update', actorId: user.id, actorEmail: user.email, projectId, target: saved.name, details: { fields: changed } }, manager);
      return toProjectResponse(saved, 'owner');
    });
  }

  async remove(projectId: string, user: UserEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const project = await manager.findOneBy(ProjectEntity, { id: projectId });
      if (!project) throw DomainException.notFound('Project');
      await manager.delete(ProjectEntity, { id: projectId });
      await this.audit.record({ action: 'project.delete', actorId: user.id, actorEmail: user.email, projectId, target: project.name }, manager);
    });
  }
}
