import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ProjectRole } from '@tropa/contracts';
import { DataSource } from 'typeorm';
import { MembershipEntity } from '../../modules/members/membership.entity';
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
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (token) {
      const session = await this.sessions.resolve(token);
      if (session) {
        request.user = session.user;
        request.sessionId = session.id;
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!request.user) throw DomainException.unauthenticated(token ? 'Your session has expired, please log in again' : 'Please log in');

    const roles = this.reflector.get<ProjectRole[] | undefined>(PROJECT_ROLES, context.getHandler());
    if (!roles) return true;
    const projectId = request.params['projectId'];
    if (typeof projectId !== 'string' || !UUID.test(projectId)) throw DomainException.notFound('Project');
    const membership = await this.dataSource
      .getRepository(MembershipEntity)
      .findOne({ where: { projectId, userId: request.user.id }, select: { role: true } });
    if (!membership) throw DomainException.notFound('Project');
    if (!roles.includes(membership.role)) throw DomainException.forbidden();
    request.projectRole = membership.role;
    return true;
  }
}
