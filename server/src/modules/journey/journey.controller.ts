import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  CommentResponse,
  EventsImportResponse,
  EvidenceQuoteResponse,
  FindingResponse,
  JourneyMapResponse,
  MapDiffResponse,
  MapNoteResponse,
  MapVersionResponse,
  Page,
  ProjectRole,
  RecommendationResponse,
  StageMetricResponse,
  WhatIfResponse,
} from '@tropa/contracts';
import type { Response } from 'express';
import { ANY_MEMBER, CurrentProjectRole, CurrentUser, ProjectRoles, RESEARCH_EDITORS, REVIEWERS } from '../../core/auth/auth.decorators';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import type { UserEntity } from '../users/user.entity';
import {
  CreateCommentDto,
  CreateMapNoteDto,
  CreateRecommendationDto,
  DiffQueryDto,
  EvidenceQueryDto,
  ExportQueryDto,
  MapQueryDto,
  PutStageMetricDto,
  RecommendationListQueryDto,
  ReviewFindingDto,
  UpdateRecommendationDto,
  VersionListQueryDto,
  WhatIfDto,
} from './dto/journey.dto';
import { JourneyMapsService } from './journey-maps.service';
import { JourneyMetricsService, MAX_EVENTS_BYTES } from './journey-metrics.service';
import { JourneyReviewService } from './journey-review.service';
import { MapExportsService } from './map-exports.service';
import { MapVersionsService } from './map-versions.service';

const findingId = new UuidParamPipe('Finding');
const noteId = new UuidParamPipe('Note');
const recommendationId = new UuidParamPipe('Recommendation');
const versionId = new UuidParamPipe('Version');
const metricId = new UuidParamPipe('Metric');

@ApiTags('journey map')
@Controller('projects/:projectId/map')
export class JourneyMapController {
  constructor(
    private readonly maps: JourneyMapsService,
    private readonly review: JourneyReviewService,
    private readonly metrics: JourneyMetricsService,
    private readonly versions: MapVersionsService,
    private readonly exports: MapExportsService,
  ) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Query() query: MapQueryDto): Promise<JourneyMapResponse> {
    return this.maps.get(projectId, query.personaId ?? null, query.comparePersonas ?? false);
  }

  @Post('assemble')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  assemble(@Param('projectId') projectId: string, @Query() query: MapQueryDto): Promise<JourneyMapResponse> {
    return this.maps.assemble(projectId, query.personaId ?? null, query.comparePersonas ?? false);
  }

  @Get('findings/:findingId/evidence')
  @ProjectRoles(...ANY_MEMBER)
  evidence(@Param('projectId') projectId: string, @Param('findingId', findingId) id: string, @Query() query: EvidenceQueryDto): Promise<Page<EvidenceQuoteResponse>> {
    return this.maps.evidence(projectId, id, query);
  }

  @Post('findings/:findingId/review')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  reviewFinding(@Param('projectId') projectId: string, @Param('findingId', findingId) id: string, @Body() dto: ReviewFindingDto, @CurrentUser() user: UserEntity): Promise<FindingResponse> {
    return this.maps.review(projectId, id, dto, user.id);
  }

  @Get('findings/:findingId/comments')
  @ProjectRoles(...ANY_MEMBER)
  comments(@Param('projectId') projectId: string, @Param('findingId', findingId) id: string, @Query() query: PageQueryDto): Promise<Page<CommentResponse>> {
    return this.review.comments(projectId, id, query);
  }

  @Post('findings/:findingId/comments')
  @ProjectRoles(...REVIEWERS)
  comment(@Param('projectId') projectId: string, @Param('findingId', findingId) id: string, @Body() dto: CreateCommentDto, @CurrentUser() user: UserEntity): Promise<CommentResponse> {
    return this.review.comment(projectId, id, dto.text, user.id);
  }

  @Post('notes')
  @ProjectRoles(...REVIEWERS)
  addNote(@Param('projectId') projectId: string, @Query() query: MapQueryDto, @Body() dto: CreateMapNoteDto, @CurrentUser() user: UserEntity): Promise<MapNoteResponse> {
    return this.maps.addNote(projectId, query.personaId ?? null, dto, user.id);
  }

  @Delete('notes/:noteId')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(204)
  removeNote(@Param('projectId') projectId: string, @Param('noteId', noteId) id: string, @CurrentUser() user: UserEntity, @CurrentProjectRole() role: ProjectRole): Promise<void> {
    return this.maps.removeNote(projectId, id, user.id, role === 'owner');
  }

  @Get('recommendations')
  @ProjectRoles(...ANY_MEMBER)
  recommendations(@Param('projectId') projectId: string, @Query() query: RecommendationListQueryDto): Promise<Page<RecommendationResponse>> {
    return this.review.recommendations(projectId, query.personaId ?? null, query);
  }

  @Post('recommendations')
  @ProjectRoles(...REVIEWERS)
  createRecommendation(
    @Param('projectId') projectId: string,
    @Query() query: MapQueryDto,
    @Body() dto: CreateRecommendationDto,
    @CurrentUser() user: UserEntity,
  ): Promise<RecommendationResponse> {
    return this.review.createRecommendation(projectId, query.personaId ?? null, dto, user.id);
  }

  @Patch('recommendations/:recommendationId')
  @ProjectRoles(...REVIEWERS)
  updateRecommendation(@Param('projectId') projectId: string, @Param('recommendationId', recommendationId) id: string, @Body() dto: UpdateRecommendationDto): Promise<RecommendationResponse> {
    return this.review.updateRecommendation(projectId, id, dto);
  }

  @Delete('recommendations/:recommendationId')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(204)
  removeRecommendation(@Param('projectId') projectId: string, @Param('recommendationId', recommendationId) id: string): Promise<void> {
    return this.review.removeRecommendation(projectId, id);
  }

  @Post('what-if')
  @ProjectRoles(...ANY_MEMBER)
  @HttpCode(200)
  whatIf(@Param('projectId') projectId: string, @Body() dto: WhatIfDto): Promise<WhatIfResponse> {
    return this.metrics.whatIf(projectId, dto);
  }

  @Post('versions')
  @ProjectRoles(...REVIEWERS)
  publish(@Param('projectId') projectId: string, @Query() query: MapQueryDto, @CurrentUser() user: UserEntity): Promise<MapVersionResponse> {
    return this.versions.publish(projectId, query.personaId ?? null, user.id);
  }

  @Get('versions')
  @ProjectRoles(...ANY_MEMBER)
  listVersions(@Param('projectId') projectId: string, @Query() query: VersionListQueryDto): Promise<Page<MapVersionResponse>> {
    return this.versions.list(projectId, query.personaId ?? null, query);
  }

  @Get('versions/:versionId')
  @ProjectRoles(...ANY_MEMBER)
  version(@Param('projectId') projectId: string, @Param('versionId', versionId) id: string): Promise<JourneyMapResponse> {
    return this.versions.get(projectId, id);
  }

  /** Published versions are immutable: always refused (409), so that nobody mistakes silence for success. */
  @Patch('versions/:versionId')
  @ProjectRoles(...REVIEWERS)
  editVersion(@Param('projectId') projectId: string, @Param('versionId', versionId) id: string): Promise<never> {
    return this.versions.refuseEdit(projectId, id);
  }

  @Get('diff')
  @ProjectRoles(...ANY_MEMBER)
  diff(@Param('projectId') projectId: string, @Query() query: DiffQueryDto): Promise<MapDiffResponse> {
    return this.versions.diff(projectId, query.from, query.to);
  }

  @Get('export')
  @ProjectRoles(...ANY_MEMBER)
  async export(@Param('projectId') projectId: string, @Query() query: ExportQueryDto, @Res() response: Response): Promise<void> {
    const file = await this.exports.export(projectId, query.personaId ?? null, query.versionId, query.format);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.send(file.body);
  }
}

@ApiTags('journey map')
@Controller('projects/:projectId/metrics')
export class StageMetricsController {
  constructor(private readonly metrics: JourneyMetricsService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: PageQueryDto): Promise<Page<StageMetricResponse>> {
    return this.metrics.list(projectId, query);
  }

  @Put()
  @ProjectRoles(...REVIEWERS)
  put(@Param('projectId') projectId: string, @Body() dto: PutStageMetricDto): Promise<StageMetricResponse> {
    return this.metrics.put(projectId, dto);
  }

  @Delete(':metricId')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('metricId', metricId) id: string): Promise<void> {
    return this.metrics.remove(projectId, id);
  }

  /** A CSV of customer events (customer, stage or touchpoint, time, amount): replaces the project's events, all rows or none. */
  @Post('events')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_EVENTS_BYTES, files: 1 } }))
  importEvents(@Param('projectId') projectId: string, @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined): Promise<EventsImportResponse> {
    return this.metrics.importEvents(projectId, file);
  }
}
