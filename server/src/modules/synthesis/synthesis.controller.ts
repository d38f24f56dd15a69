import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClusterQuote, ClusterResponse, Page, ProjectJobResponse, RunComparisonResponse, SynthesisRunResponse } from '@tropa/contracts';
import { ANY_MEMBER, CurrentUser, ProjectRoles, RESEARCH_EDITORS, REVIEWERS } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import type { UserEntity } from '../users/user.entity';
import { ClusterReviewService } from './cluster-review.service';
import {
  ClusterListQueryDto,
  ClusterQuotesQueryDto,
  MergeClustersDto,
  MoveQuotesDto,
  ProjectJobListQueryDto,
  RunCompareQueryDto,
  SplitClusterDto,
  StartSynthesisDto,
  SynthesisRunListQueryDto,
  UpdateClusterDto,
  UpdateProjectJobDto,
} from './dto/synthesis.dto';
import { ProjectJobsService } from './project-jobs.service';
import { SynthesisRunsService } from './synthesis-runs.service';

const runId = new UuidParamPipe('Synthesis run');
const clusterId = new UuidParamPipe('Cluster');
const jobId = new UuidParamPipe('Job');

/** Runs: researchers and owners start and stop them; every member reads them. */
@ApiTags('synthesis')
@Controller('projects/:projectId/synthesis')
export class SynthesisController {
  constructor(
    private readonly runs: SynthesisRunsService,
    private readonly clusters: ClusterReviewService,
  ) {}

  @Post('runs')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(202)
  start(@Param('projectId') projectId: string, @Body() dto: StartSynthesisDto, @CurrentUser() user: UserEntity): Promise<SynthesisRunResponse> {
    return this.runs.start(projectId, dto, user.id);
  }

  @Get('runs')
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: SynthesisRunListQueryDto): Promise<Page<SynthesisRunResponse>> {
    return this.runs.list(projectId, query);
  }

  @Get('runs/:runId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('runId', runId) id: string): Promise<SynthesisRunResponse> {
    return this.runs.get(projectId, id);
  }

  @Post('runs/:runId/cancel')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(200)
  cancel(@Param('projectId') projectId: string, @Param('runId', runId) id: string): Promise<SynthesisRunResponse> {
    return this.runs.cancel(projectId, id);
  }

  @Post('runs/:runId/retry')
  @ProjectRoles(...RESEARCH_EDITORS)
  @HttpCode(202)
  retry(@Param('projectId') projectId: string, @Param('runId', runId) id: string): Promise<SynthesisRunResponse> {
    return this.runs.retry(projectId, id);
  }

  @Get('runs/:runId/compare')
  @ProjectRoles(...ANY_MEMBER)
  compare(@Param('projectId') projectId: string, @Param('runId', runId) id: string, @Query() query: RunCompareQueryDto): Promise<RunComparisonResponse> {
    return this.runs.compare(projectId, id, query.with);
  }

  @Get('runs/:runId/clusters')
  @ProjectRoles(...ANY_MEMBER)
  clustersOf(@Param('projectId') projectId: string, @Param('runId', runId) id: string, @Query() query: ClusterListQueryDto): Promise<Page<ClusterResponse>> {
    return this.clusters.list(projectId, id, query);
  }

  @Get('clusters/:clusterId')
  @ProjectRoles(...ANY_MEMBER)
  cluster(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string): Promise<ClusterResponse> {
    return this.clusters.get(projectId, id);
  }

  @Get('clusters/:clusterId/quotes')
  @ProjectRoles(...ANY_MEMBER)
  quotes(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @Query() query: ClusterQuotesQueryDto): Promise<Page<ClusterQuote>> {
    return this.clusters.quotes(projectId, id, query);
  }

  @Patch('clusters/:clusterId')
  @ProjectRoles(...REVIEWERS)
  update(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @Body() dto: UpdateClusterDto): Promise<ClusterResponse> {
    return this.clusters.update(projectId, id, dto);
  }

  @Post('clusters/:clusterId/accept')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  accept(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @CurrentUser() user: UserEntity): Promise<ClusterResponse> {
    return this.clusters.accept(projectId, id, user.id);
  }

  @Post('clusters/:clusterId/discard')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  discard(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string): Promise<ClusterResponse> {
    return this.clusters.discard(projectId, id);
  }

  @Post('clusters/:clusterId/merge')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  merge(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @Body() dto: MergeClustersDto): Promise<ClusterResponse> {
    return this.clusters.merge(projectId, id, dto);
  }

  @Post('clusters/:clusterId/split')
  @ProjectRoles(...REVIEWERS)
  split(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @Body() dto: SplitClusterDto): Promise<ClusterResponse> {
    return this.clusters.split(projectId, id, dto);
  }

  @Post('clusters/:clusterId/move')
  @ProjectRoles(...REVIEWERS)
  @HttpCode(200)
  move(@Param('projectId') projectId: string, @Param('clusterId', clusterId) id: string, @Body() dto: MoveQuotesDto): Promise<{ moved: number }> {
    return this.clusters.move(projectId, id, dto);
  }
}

/** The project's accepted jobs to be done. */
@ApiTags('synthesis')
@Controller('projects/:projectId/jtbd')
export class ProjectJobsController {
  constructor(private readonly jobs: ProjectJobsService) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: ProjectJobListQueryDto): Promise<Page<ProjectJobResponse>> {
    return this.jobs.list(projectId, query);
  }

  @Get(':jobId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('jobId', jobId) id: string): Promise<ProjectJobResponse> {
    return this.jobs.get(projectId, id);
  }

  @Patch(':jobId')
  @ProjectRoles(...REVIEWERS)
  update(@Param('projectId') projectId: string, @Param('jobId', jobId) id: string, @Body() dto: UpdateProjectJobDto): Promise<ProjectJobResponse> {
    return this.jobs.update(projectId, id, dto);
  }

  @Get(':jobId/quotes')
  @ProjectRoles(...ANY_MEMBER)
  quotes(@Param('projectId') projectId: string, @Param('jobId', jobId) id: string, @Query() query: ClusterQuotesQueryDto): Promise<Page<ClusterQuote>> {
    return this.jobs.quotes(projectId, id, query);
  }
}
