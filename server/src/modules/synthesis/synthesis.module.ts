import { Module } from '@nestjs/common';
import { ClusterReviewService } from './cluster-review.service';
import { ProjectJobsService } from './project-jobs.service';
import { ProjectJobsController, SynthesisController } from './synthesis.controller';
import { SynthesisRunner } from './synthesis-runner';
import { SynthesisRunsService } from './synthesis-runs.service';

/** Synthesis runs as durable jobs, the review of their clusters, and the project's accepted jobs. */
@Module({
  controllers: [SynthesisController, ProjectJobsController],
  providers: [SynthesisRunner, SynthesisRunsService, ClusterReviewService, ProjectJobsService],
  exports: [SynthesisRunsService, SynthesisRunner, ClusterReviewService],
})
export class SynthesisModule {}
