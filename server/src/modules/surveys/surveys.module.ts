import { Module } from '@nestjs/common';
import { ResponsesExportService } from './export/responses-export.service';
import { ImportRunner } from './import/import-runner';
import { SurveyImportsController } from './import/survey-imports.controller';
import { SurveyImportsService } from './import/survey-imports.service';
import { PreparedSurveys } from './prepared-surveys';
import { PublicSurveysController } from './public-surveys.controller';
import { ResponsesService } from './responses.service';
import { SurveySummaryRepository } from './survey-summary.repository';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  controllers: [SurveysController, PublicSurveysController, SurveyImportsController],
  providers: [SurveysService, ResponsesService, SurveySummaryRepository, ResponsesExportService, SurveyImportsService, ImportRunner, PreparedSurveys],
  exports: [SurveysService, ResponsesService],
})
export class SurveysModule {}
