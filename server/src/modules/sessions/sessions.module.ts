import { Module } from '@nestjs/common';
import { AgreementService } from './agreement/agreement.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TranscriptImportService } from './transcript-import.service';

@Module({ controllers: [SessionsController], providers: [SessionsService, TranscriptImportService, AgreementService], exports: [SessionsService, TranscriptImportService] })
export class SessionsModule {}
