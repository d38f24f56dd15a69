import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JOB_QUEUE_OPTIONS, JobQueue, type JobQueueOptions } from './job-queue';

@Global()
@Module({})
export class JobQueueModule {
  static register(options: JobQueueOptions): DynamicModule {
    return {
      module: JobQueueModule,
      providers: [{ provide: JOB_QUEUE_OPTIONS, useValue: options }, JobQueue],
      exports: [JobQueue],
    };
  }
}
