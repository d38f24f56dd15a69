import { Module } from '@nestjs/common';
import { PublicSurveysController } from './public-surveys.controller';
import { ResponsesService } from './responses.service';
import { SurveySummaryRepository } from './survey-summary.repository';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysService, ResponsesService, SurveySummaryRepository],
})
export class SurveysModule {}
