import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ProjectRole } from '@tropa/contracts';
import { SessionsService } from '../../modules/auth/sessions.service';
import { DomainException } from '../errors/domain.exception';
import { IS_PUBLIC, PROJECT_ROLES } from './auth.decorators';
import type { AuthenticatedRequest } from './request-context';
import { SESSION_COOKIE } from '@tropa/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: every route needs a valid session unless marked @Public(); routes
 * marked @ProjectRoles() also need a membership of `:projectId` with a listed role.
 */
@Injectable()
export class SessionAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const projectParam = request.params['projectId'];
    const projectId = typeof projectParam === 'string' && UUID.test(projectParam) ? projectParam : null;
    let projectRole: ProjectRole | null = null;
    if (token) {
      const session = await this.sessions.resolve(token, projectId);
      if (session) {
        request.user = session.user;
        request.sessionId = session.id;
        projectRole = session.projectRole;
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!request.user) throw DomainException.unauthenticated(token ? 'Your session has expired, please log in again' : 'Please log in');

    const roles = this.reflector.get<ProjectRole[] | undefined>(PROJECT_ROLES, context.getHandler());
    if (!roles) return true;
    if (!projectId || !projectRole) throw DomainException.notFound('Project');
    if (!roles.includes(projectRole)) throw DomainException.forbidden();
    request.projectRole = projectRole;
    return true;
  }
}
