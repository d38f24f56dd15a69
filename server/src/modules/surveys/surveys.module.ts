import { Module } from '@nestjs/common';
import { ResponsesExportService } from './export/responses-export.service';
import { PublicSurveysController } from './public-surveys.controller';
import { ResponsesService } from './responses.service';
import { SurveySummaryRepository } from './survey-summary.repository';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysService, ResponsesService, SurveySummaryRepository, ResponsesExportService],
})
export class SurveysModule {}
