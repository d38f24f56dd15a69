import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, StageResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles, RESEARCH_EDITORS } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CreateStageDto, ReorderStagesDto, StageListQueryDto, UpdateStageDto } from './dto/stages.dto';
import { StagesService } from './stages.service';

@ApiTags('stages')
@Controller('projects/:projectId/stages')
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: StageListQueryDto): Promise<Page<StageResponse>> {
    return this.stages.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...RESEARCH_EDITORS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateStageDto): Promise<StageResponse> {
    return this.stages.create(projectId, dto);
  }

  @Put('order')
  @ProjectRoles(...RESEARCH_EDITORS)
  reorder(@Param('projectId') projectId: string, @Body() dto: ReorderStagesDto): Promise<StageResponse[]> {
    return this.stages.reorder(projectId, dto);
  }

  @Patch(':stageId')
  @ProjectRoles(...RESEARCH_EDITORS)
  update(@Param('projectId') projectId: string, @Param('stageId', new UuidParamPipe('Stage')) stageId: string, @Body() dto: UpdateStageDto): Promise<StageResponse> {
    return this.stages.update(projectId, stageId, dto);
  }

  @Delete(':stageId')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('stageId', new UuidParamPipe('Stage')) stageId: string): Promise<void> {
    return this.stages.remove(projectId, stageId);
  }
}
