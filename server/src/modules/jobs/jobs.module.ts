import { Global, Module } from '@nestjs/common';
import { BackgroundJobsService } from './background-jobs.service';
import { JobsController } from './jobs.controller';

@Global()
@Module({ controllers: [JobsController], providers: [BackgroundJobsService], exports: [BackgroundJobsService] })
export class JobsModule {}
