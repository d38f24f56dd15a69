import type { AuditAction, AuditListQuery, AuditSort } from '@tropa/contracts';
import { PageQueryDto } from '../../../core/http/page-query.dto';
import { OneOf } from '../../../core/http/validators';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.register',
  'project.create',
  'project.update',
  'project.delete',
  'member.add',
  'member.role_change',
  'member.remove',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'privacy.erase_participant',
  'privacy.erase_respondent',
  'privacy.retention',
];

export class AuditListQueryDto extends PageQueryDto implements AuditListQuery {
  @OneOf(['createdAt'], true)
  sort?: AuditSort;

  @OneOf(AUDIT_ACTIONS, true)
  action?: AuditAction;
}
