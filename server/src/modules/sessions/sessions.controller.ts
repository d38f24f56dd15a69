import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AgreementResponse, Page, ParticipantResponse, ProjectRole, SessionResponse, TranscriptPreviewResponse, UtteranceResponse } from '@tropa/contracts';
import { ANY_MEMBER, CurrentProjectRole, ProjectRoles } from '../../core/auth/auth.decorators';
import { PageQueryDto } from '../../core/http/page-query.dto';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import { AgreementService } from './agreement/agreement.service';
import { AgreementQueryDto, CreateParticipantDto, CreateSessionDto, SessionListQueryDto, SettleDisagreementDto, UpdateParticipantDto, UpdateSessionDto, UtteranceListQueryDto } from './dto/sessions.dto';
import { SessionsService } from './sessions.service';
import { MAX_TRANSCRIPT_BYTES, type TranscriptFile, TranscriptImportService } from './transcript-import.service';

/** Researchers plan sessions; moderators run them and bring their transcripts. */
const SESSION_EDITORS: ProjectRole[] = ['owner', 'researcher', 'moderator'];
const sessionId = new UuidParamPipe('Session');
const participantId = new UuidParamPipe('Participant');
const upload = FileInterceptor('file', { limits: { fileSize: MAX_TRANSCRIPT_BYTES, files: 1, fields: 2, fieldSize: 5 * 1024 * 1024 } });
const fileBody = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, plan: { type: 'string', description: 'CommitTranscriptPlan as JSON' } } } } as const;

@ApiTags('sessions')
@Controller('projects/:projectId/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly transcripts: TranscriptImportService,
    private readonly agreement: AgreementService,
  ) {}

  @Get()
  @ProjectRoles(...ANY_MEMBER)
  list(@Param('projectId') projectId: string, @Query() query: SessionListQueryDto): Promise<Page<SessionResponse>> {
    return this.sessions.list(projectId, query);
  }

  @Post()
  @ProjectRoles(...SESSION_EDITORS)
  create(@Param('projectId') projectId: string, @Body() dto: CreateSessionDto): Promise<SessionResponse> {
    return this.sessions.create(projectId, dto);
  }

  @Get(':sessionId')
  @ProjectRoles(...ANY_MEMBER)
  get(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string): Promise<SessionResponse> {
    return this.sessions.get(projectId, id);
  }

  @Patch(':sessionId')
  @ProjectRoles(...SESSION_EDITORS)
  update(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @Body() dto: UpdateSessionDto): Promise<SessionResponse> {
    return this.sessions.update(projectId, id, dto);
  }

  @Delete(':sessionId')
  @ProjectRoles(...SESSION_EDITORS)
  @HttpCode(204)
  remove(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string): Promise<void> {
    return this.sessions.remove(projectId, id);
  }

  @Get(':sessionId/participants')
  @ProjectRoles(...ANY_MEMBER)
  participants(
    @Param('projectId') projectId: string,
    @Param('sessionId', sessionId) id: string,
    @Query() query: PageQueryDto,
    @CurrentProjectRole() role: ProjectRole,
  ): Promise<Page<ParticipantResponse>> {
    return this.sessions.listParticipants(projectId, id, query, role);
  }

  @Post(':sessionId/participants')
  @ProjectRoles(...SESSION_EDITORS)
  addParticipant(
    @Param('projectId') projectId: string,
    @Param('sessionId', sessionId) id: string,
    @Body() dto: CreateParticipantDto,
    @CurrentProjectRole() role: ProjectRole,
  ): Promise<ParticipantResponse> {
    return this.sessions.addParticipant(projectId, id, dto, role);
  }

  @Patch(':sessionId/participants/:participantId')
  @ProjectRoles(...SESSION_EDITORS)
  updateParticipant(
    @Param('projectId') projectId: string,
    @Param('sessionId', sessionId) id: string,
    @Param('participantId', participantId) participant: string,
    @Body() dto: UpdateParticipantDto,
    @CurrentProjectRole() role: ProjectRole,
  ): Promise<ParticipantResponse> {
    return this.sessions.updateParticipant(projectId, id, participant, dto, role);
  }

  @Delete(':sessionId/participants/:participantId')
  @ProjectRoles(...SESSION_EDITORS)
  @HttpCode(204)
  removeParticipant(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @Param('participantId', participantId) participant: string): Promise<void> {
    return this.sessions.removeParticipant(projectId, id, participant);
  }

  /** Parses the file and lists speakers and personal data; stores nothing. */
  @Post(':sessionId/transcript/preview')
  @ProjectRoles(...SESSION_EDITORS)
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @UseInterceptors(upload)
  preview(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @UploadedFile() file: TranscriptFile | undefined): Promise<TranscriptPreviewResponse> {
    return this.transcripts.preview(projectId, id, file);
  }

  /** The same file again with the moderator's decisions; stores the redacted utterances. */
  @Post(':sessionId/transcript')
  @ProjectRoles(...SESSION_EDITORS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @UseInterceptors(upload)
  commit(
    @Param('projectId') projectId: string,
    @Param('sessionId', sessionId) id: string,
    @UploadedFile() file: TranscriptFile | undefined,
    @Body('plan') plan: string | undefined,
  ): Promise<{ utterances: number }> {
    return this.transcripts.commit(projectId, id, file, plan);
  }

  @Get(':sessionId/utterances')
  @ProjectRoles(...ANY_MEMBER)
  utterances(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @Query() query: UtteranceListQueryDto): Promise<Page<UtteranceResponse>> {
    return this.sessions.listUtterances(projectId, id, query);
  }

  /** Settles a disagreement: keep the tag for both coders, or drop it for both. */
  @Post(':sessionId/agreement/settle')
  @ProjectRoles(...SESSION_EDITORS)
  @HttpCode(200)
  settle(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @Body() dto: SettleDisagreementDto): Promise<AgreementResponse> {
    return this.agreement.settle(projectId, id, dto);
  }

  /** Percent agreement and Cohen's κ of two coders over the session's utterances, with their disagreements. */
  @Get(':sessionId/agreement')
  @ProjectRoles(...ANY_MEMBER)
  compare(@Param('projectId') projectId: string, @Param('sessionId', sessionId) id: string, @Query() query: AgreementQueryDto): Promise<AgreementResponse> {
    return this.agreement.compare(projectId, id, query.coderA, query.coderB);
  }
}
