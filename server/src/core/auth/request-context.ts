import type { ProjectRole } from '@tropa/contracts';
import type { Request } from 'express';
import type { UserEntity } from '../../modules/users/user.entity';

/** What the auth layer learned about a request. */
export interface AuthenticatedRequest extends Request {
  user?: UserEntity;
  sessionId?: string;
  projectRole?: ProjectRole;
}
