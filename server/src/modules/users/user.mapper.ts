import type { UserResponse } from '@tropa/contracts';
import type { UserEntity } from './user.entity';

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    canCreateProjects: user.canCreateProjects,
  };
}
