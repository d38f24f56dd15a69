import { Module } from '@nestjs/common';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TranscriptImportService } from './transcript-import.service';

@Module({ controllers: [SessionsController], providers: [SessionsService, TranscriptImportService] })
export class SessionsModule {}
