import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, TouchpointResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles, RESEARCH_EDITORS } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { CreateTouchpointDto, TouchpointListQueryDto, UpdateTouchpointDto } from './dto/touchpoints.dto';
import { TouchpointsService } from './touchpoints.service';

@ApiTags('touchpoints')
@Controller('projects/:projectId/touchpoints')
export class TouchpointsController {
  constructor(private readonly touchpoints: TouchpointsService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: TouchpointListQueryDto): Promise<Page<TouchpointResponse>> {
    return this.touchpoints.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...RESEARCH_EDITORS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateTouchpointDto): Promise<TouchpointResponse> {
    return this.touchpoints.create(projectId, dto);
  }

  @Patch(':touchpointId')
  @ProjectRoles(...RESEARCH_EDITORS)
  update(
    @Param('projectId') projectId: string,
    @Param('touchpointId', new UuidParamPipe('Touchpoint')) touchpointId: string,
    @Body() dto: UpdateTouchpointDto,
  ): Promise<TouchpointResponse> {
    return this.touchpoints.update(projectId, touchpointId, dto);
  }

  @Delete(':touchpointId')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('touchpointId', new UuidParamPipe('Touchpoint')) touchpointId: string): Promise<void> {
    return this.touchpoints.remove(projectId, touchpointId);
  }
}
