import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, ResponseRecord, SurveyListItem, SurveyResponse, SurveySummaryResponse } from '@tropa/contracts';
import type { Response } from 'express';
import { ANY_MEMBER, CurrentUser, ProjectRoles, RESEARCH_EDITORS } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import type { UserEntity } from '../users/user.entity';
import { CreateSurveyDto, ExportQueryDto, ResponseListQueryDto, SurveyListQueryDto, UpdateMappingsDto, UpdateSurveyDto } from './dto/surveys.dto';
import { ResponsesExportService } from './export/responses-export.service';
import { ResponsesService } from './responses.service';
import { SurveysService } from './surveys.service';

const surveyId = new UuidParamPipe('Survey');

@ApiTags('surveys')
@Controller('projects/:projectId/surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly exports: ResponsesExportService,
  ) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: SurveyListQueryDto): Promise<Page<SurveyListItem>> {
    return this.surveys.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...RESEARCH_EDITORS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateSurveyDto, @CurrentUser() user: UserEntity): Promise<SurveyResponse> {
    return this.surveys.create(projectId, dto, user);
  }

  @Get(':surveyId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string): Promise<SurveyResponse> {
    return this.surveys.get(projectId, id);
  }

  @Patch(':surveyId')
  @ProjectRoles(...RESEARCH_EDITORS)
  update(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string, @Body() dto: UpdateSurveyDto): Promise<SurveyResponse> {
    return this.surveys.update(projectId, id, dto);
  }

  @Delete(':surveyId')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string): Promise<void> {
    return this.surveys.remove(projectId, id);
  }

  @Put(':surveyId/mappings')
  @ProjectRoles(...RESEARCH_EDITORS)
  updateMappings(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string, @Body() dto: UpdateMappingsDto): Promise<SurveyResponse> {
    return this.surveys.updateMappings(projectId, id, dto);
  }

  @Get(':surveyId/responses')
  @ProjectRoles(...ANY_MEMBER)
  listResponses(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string, @Query() query: ResponseListQueryDto): Promise<Page<ResponseRecord>> {
    return this.responses.list(projectId, id, query);
  }

  @Get(':surveyId/responses/:responseId')
  @ProjectRoles(...ANY_MEMBER)
  getResponse(
    @Param('projectId') projectId: string,
    @Param('surveyId', surveyId) id: string,
    @Param('responseId', new UuidParamPipe('Response')) responseId: string,
  ): Promise<ResponseRecord> {
    return this.responses.get(projectId, id, responseId);
  }

  @Delete(':surveyId/responses/:responseId')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(204)
  removeResponse(
    @Param('projectId') projectId: string,
    @Param('surveyId', surveyId) id: string,
    @Param('responseId', new UuidParamPipe('Response')) responseId: string,
  ): Promise<void> {
    return this.responses.remove(projectId, id, responseId);
  }

  @Get(':surveyId/summary')
  @ProjectRoles(...ANY_MEMBER)
  summary(@Param('projectId') projectId: string, @Param('surveyId', surveyId) id: string): Promise<SurveySummaryResponse> {
    return this.responses.summary(projectId, id);
  }

  @Get(':surveyId/export')
  @ProjectRoles(...ANY_MEMBER)
  async export(
    @Param('projectId') projectId: string,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const target = await this.exports.prepare(projectId, id, query.format);
    response.setHeader('Content-Type', target.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="export.${query.format}"; filename*=UTF-8''${encodeURIComponent(target.fileName)}`);
    await target.write(response);
  }
}
