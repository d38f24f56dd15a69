import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ProjectRole } from '@tropa/contracts';
import { DomainException } from '../errors/domain.exception';
import type { AuthenticatedRequest } from './request-context';
import type { UserEntity } from '../../modules/users/user.entity';

export const IS_PUBLIC = 'tropa:public';
export const PROJECT_ROLES = 'tropa:project-roles';
export const AUTH_RATE_LIMIT = 'tropa:auth-rate-limit';

/** The route needs no session (login, register, health, invitation preview). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The route acts on `:projectId`; the caller must be a member with one of these
 * roles. Non-members get 404 (the project's existence is not revealed), members
 * with another role 403.
 */
export const ProjectRoles = (...roles: ProjectRole[]): MethodDecorator => SetMetadata(PROJECT_ROLES, roles);

/** Every role may read. */
export const ANY_MEMBER: ProjectRole[] = ['owner', 'researcher', 'moderator', 'strategist'];
/** Researchers manage research data: surveys, sessions, stages, personas, touchpoints. */
export const RESEARCH_EDITORS: ProjectRole[] = ['owner', 'researcher'];
/** What the platform synthesised is reviewed by strategists with researchers and owners: clusters, jobs, the map. */
export const REVIEWERS: ProjectRole[] = ['owner', 'researcher', 'strategist'];

/** Login and registration get the strict rate limit. */
export const AuthRateLimit = (): MethodDecorator => SetMetadata(AUTH_RATE_LIMIT, true);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): UserEntity => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw DomainException.unauthenticated();
  return request.user;
});

/** The caller's role in `:projectId`, set by the guard for routes marked @ProjectRoles(). */
export const CurrentProjectRole = createParamDecorator((_data: unknown, context: ExecutionContext): ProjectRole => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.projectRole) throw new Error('CurrentProjectRole used on a route without @ProjectRoles()');
  return request.projectRole;
});
