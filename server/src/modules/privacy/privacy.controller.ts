import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ErasureResponse, ProjectRole } from '@tropa/contracts';
import { CurrentUser, ProjectRoles } from '../../core/auth/auth.decorators';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe';
import type { UserEntity } from '../users/user.entity';
import { ErasureService } from './erasure.service';

/** Erasing a person's words is for those who collect them: owners and researchers. */
const ERASERS: ProjectRole[] = ['owner', 'researcher'];

@ApiTags('privacy')
@Controller('projects/:projectId')
export class PrivacyController {
  constructor(private readonly erasure: ErasureService) {}

  @Post('sessions/:sessionId/participants/:participantId/erase')
  @ProjectRoles(...ERASERS)
  @HttpCode(200)
  eraseParticipant(
    @Param('projectId') projectId: string,
    @Param('sessionId', new UuidParamPipe('Session')) sessionId: string,
    @Param('participantId', new UuidParamPipe('Participant')) participantId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<ErasureResponse> {
    return this.erasure.eraseParticipant(projectId, sessionId, participantId, user);
  }

  @Post('surveys/:surveyId/responses/:responseId/erase')
  @ProjectRoles(...ERASERS)
  @HttpCode(200)
  eraseRespondent(
    @Param('projectId') projectId: string,
    @Param('surveyId', new UuidParamPipe('Survey')) surveyId: string,
    @Param('responseId', new UuidParamPipe('Response')) responseId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<ErasureResponse> {
    return this.erasure.eraseRespondent(projectId, surveyId, responseId, user);
  }
}
