import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { UserSessionEntity } from '../modules/auth/user-session.entity';
import { InvitationEntity } from '../modules/members/invitation.entity';
import { MembershipEntity } from '../modules/members/membership.entity';
import { PersonaEntity } from '../modules/personas/persona.entity';
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
];
