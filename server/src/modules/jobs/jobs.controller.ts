import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobResponse } from '@tropa/contracts';
import { ANY_MEMBER, ProjectRoles } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { BackgroundJobsService } from './background-jobs.service';

@ApiTags('jobs')
@Controller('projects/:projectId/jobs')
export class JobsController {
  constructor(private readonly jobs: BackgroundJobsService) {}

  /** Status and progress of long work, for the client's progress bar. */
  @Get(':jobId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('jobId', new UuidParamPipe('Job')) jobId: string): Promise<JobResponse> {
    return this.jobs.get(projectId, jobId);
  }
}
