import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ProjectResponse, ProjectRole } from '@tropa/contracts';
import { ANY_MEMBER, CurrentProjectRole, CurrentUser, ProjectRoles } from '../../core/auth/auth.decorators';
import type { UserEntity } from '../users/user.entity';
import { CreateProjectDto, ProjectListQueryDto, UpdateProjectDto } from './dto/projects.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  list(@CurrentUser() user: UserEntity, @Query() query: ProjectListQueryDto): Promise<Page<ProjectResponse>> {
    return this.projects.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: UserEntity, @Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.projects.create(user, dto);
  }

  @Get(':projectId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @CurrentProjectRole() role: ProjectRole): Promise<ProjectResponse> {
    return this.projects.get(projectId, role);
  }

  @Patch(':projectId')
  @ProjectRoles('owner')
  update(@Param('projectId') projectId: string, @Body() dto: UpdateProjectDto, @CurrentUser() user: UserEntity): Promise<ProjectResponse> {
    return this.projects.update(projectId, dto, user);
  }

  @Delete(':projectId')
  @ProjectRoles('owner')
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @CurrentUser() user: UserEntity): Promise<void> {
    return this.projects.remove(projectId, user);
  }
}
