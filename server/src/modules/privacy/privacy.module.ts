import { Module } from '@nestjs/common';
import { JourneyModule } from '../journey/journey.module';
import { ErasureService } from './erasure.service';
import { PrivacyController } from './privacy.controller';
import { RetentionService } from './retention.service';

/** Erasure of participants and respondents, and the nightly retention sweep. */
@Module({ imports: [JourneyModule], controllers: [PrivacyController], providers: [ErasureService, RetentionService], exports: [ErasureService, RetentionService] })
export class PrivacyModule {}
