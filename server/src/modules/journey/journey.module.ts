import { Module } from '@nestjs/common';
import { JourneyMapController, StageMetricsController } from './journey.controller';
import { JourneyMapsService } from './journey-maps.service';
import { JourneyMetricsService } from './journey-metrics.service';
import { JourneyReviewService } from './journey-review.service';
import { MapExportsService } from './map-exports.service';
import { MapVersionsService } from './map-versions.service';

/** The evidence-backed journey map: assembly, review, recommendations, KPIs, versions, exports. */
@Module({
  controllers: [JourneyMapController, StageMetricsController],
  providers: [JourneyMapsService, JourneyReviewService, JourneyMetricsService, MapVersionsService, MapExportsService],
  exports: [JourneyMapsService, JourneyMetricsService, JourneyReviewService],
})
export class JourneyModule {}
