import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { QuoteTagEntity, TagEntity } from '../modules/codebook/tag.entity';
import { BackgroundJobEntity } from '../modules/jobs/background-job.entity';
import { UserSessionEntity } from '../modules/auth/user-session.entity';
import { InvitationEntity } from '../modules/members/invitation.entity';
import { MembershipEntity } from '../modules/members/membership.entity';
import { PersonaEntity } from '../modules/personas/persona.entity';
import { QuoteEntity } from '../modules/quotes/quote.entity';
import { QuestionMappingEntity } from '../modules/surveys/question-mapping.entity';
import { SurveyResponseEntity } from '../modules/surveys/survey-response.entity';
import { SurveyEntity } from '../modules/surveys/survey.entity';
import { ParticipantEntity, ResearchSessionEntity, UtteranceEntity } from '../modules/sessions/session.entities';
import { SurveyImportEntity } from '../modules/surveys/import/survey-import.entity';
import { ProjectEntity } from '../modules/projects/project.entity';
import { StageEntity } from '../modules/stages/stage.entity';
import { TouchpointEntity } from '../modules/touchpoints/touchpoint.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [
  UserEntity,
  UserSessionEntity,
  ProjectEntity,
  MembershipEntity,
  InvitationEntity,
  StageEntity,
  PersonaEntity,
  TouchpointEntity,
  AuditLogEntity,
  SurveyEntity,
  QuestionMappingEntity,
  SurveyResponseEntity,
  QuoteEntity,
  BackgroundJobEntity,
  SurveyImportEntity,
  ResearchSessionEntity,
  ParticipantEntity,
  UtteranceEntity,
  TagEntity,
  QuoteTagEntity,
];
