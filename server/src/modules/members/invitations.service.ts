import { Injectable } from '@nestjs/common';
import type { InvitationPreviewResponse, InvitationResponse, Page, ProjectRole } from '@tropa/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { DomainErrorCode, DomainException } from '../../core/errors/domain.exception';
import { pageWindow, toPage, type PageQueryDto } from '../../core/http/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { sha256 } from '../auth/sessions.service';
import { ProjectEntity } from '../projects/project.entity';
import type { UserEntity } from '../users/user.entity';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export function toInvitationResponse(row: InvitationEntity, token?: string): InvitationResponse {
  const response: InvitationResponse = {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
  if (token) response.token = token;
  return response;
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(projectId: string, email: string, role: ProjectRole, actor: UserEntity, manager: EntityManager): Promise<InvitationResponse> {
    const token = randomBytes(24).toString('base64url');
    const saved = await manager.save(
      manager.create(InvitationEntity, {
        projectId,
        email,
        role,
        tokenHash: sha256(token),
        invitedBy: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        acceptedAt: null,
      }),
    );
    await this.audit.record({ action: 'invitation.create', actorId: actor.id, actorEmail: actor.email, projectId, target: email, details: { role } }, manager);
    return toInvitationResponse(saved, token);
  }

  async listPending(projectId: string, query: PageQueryDto): Promise<Page<InvitationResponse>> {
    const window = pageWindow(query);
    const result = await this.dataSource.getRepository(InvitationEntity).findAndCount({
      where: { projectId, acceptedAt: IsNull() },
      order: { createdAt: query.order === 'asc' ? 'ASC' : 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(result, window, (row) => toInvitationResponse(row));
  }

  async revoke(projectId: string, invitationId: string, actor: UserEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(InvitationEntity, { where: { id: invitationId, projectId, acceptedAt: IsNull() } });
      if (!invitation) throw DomainException.notFound('Invitation');
      await manager.delete(InvitationEntity, { id: invitation.id });
      await this.audit.record({ action: 'invitation.revoke', actorId: actor.id, actorEmail: actor.email, projectId, target: invitation.email }, manager);
    });
  }

  /** An open, unexpired invitation with this token, or a 404 / 410 that says which. */
  async findUsable(token: string, manager: EntityManager = this.dataSource.manager): Promise<InvitationEntity> {
    const invitation = token.length <= 200 ? await manager.findOne(InvitationEntity, { where: { tokenHash: sha256(token) } }) : null;
    if (!invitation) throw DomainException.notFound('Invitation');
    if (invitation.acceptedAt) throw new DomainException(DomainErrorCode.Gone, 'This invitation has already been used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainException(DomainErrorCode.Gone, 'This invitation has expired');
    return invitation;
  }

  async preview(token: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.findUsable(token);
    const project = await this.dataSource.getRepository(ProjectEntity).findOneByOrFail({ id: invitation.projectId });
    return { email: invitation.email, role: invitation.role, projectName: project.name, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** Makes the user a member with the invitation's role and closes the invitation. */
  async accept(invitation: InvitationEntity, user: UserEntity, manager: EntityManager): Promise<void> {
    const existing = await manager.findOne(MembershipEntity, { where: { projectId: invitation.projectId, userId: user.id } });
    if (!existing) {
      await manager.insert(MembershipEntity, { projectId: invitation.projectId, userId: user.id, role: invitation.role });
    }
    await manager.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
    await this.audit.record(
      { action: 'invitation.accept', actorId: user.id, actorEmail: user.email, projectId: invitation.projectId, target: user.email, details: { role: invitation.role } },
      manager,
    );
  }

  async acceptAsUser(token: string, user: UserEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.findUsable(token, manager);
      if (invitation.email !== user.email) throw DomainException.forbidden('This invitation was sent to another email address');
      await this.accept(invitation, user, manager);
    });
  }
}
