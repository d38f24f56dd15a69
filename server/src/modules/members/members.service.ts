import { Injectable } from '@nestjs/common';
import type { AddMemberResponse, MemberResponse, MemberSort, Page } from '@tropa/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../core/errors/domain.exception';
import { likePattern, pageWindow, sqlOrder, toPage } from '../../core/http/page-query.dto';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { UserEntity } from '../users/user.entity';
import type { AddMemberDto, MemberListQueryDto, UpdateMemberDto } from './dto/members.dto';
import { InvitationsService } from './invitations.service';
import { MembershipEntity } from './membership.entity';

const SORT_COLUMNS: Record<MemberSort, string> = {
  email: 'user.email',
  displayName: 'user.displayName',
  role: 'membership.role',
  joinedAt: 'membership.createdAt',
};

function toMemberResponse(membership: MembershipEntity): MemberResponse {
  return {
    userId: membership.userId,
    email: membership.user.email,
    displayName: membership.user.displayName,
    role: membership.role,
    joinedAt: membership.createdAt.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async list(projectId: string, query: MemberListQueryDto): Promise<Page<MemberResponse>> {
    const window = pageWindow(query);
    const builder = this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.user', 'user')
      .where('membership.project_id = :projectId', { projectId })
      .orderBy(SORT_COLUMNS[query.sort ?? 'joinedAt'], sqlOrder(query.order))
      .addOrderBy('membership.userId', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.role) builder.andWhere('membership.role = :role', { role: query.role });
    if (query.q) builder.andWhere('(user.email ILIKE :q OR user.display_name ILIKE :q)', { q: likePattern(query.q) });
    return toPage(await builder.getManyAndCount(), window, toMemberResponse);
  }

  /**
   * An existing user joins at once. For a new email the owner either sets an
   * initial password (the account is created now) or gets an invitation link.
   */
  async add(projectId: string, dto: AddMemberDto, actor: UserEntity): Promise<AddMemberResponse> {
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : null;
    return this.dataSource.transaction(async (manager) => {
      let user = await manager.findOne(UserEntity, { where: { email: dto.email } });
      if (!user && !passwordHash) {
        return { member: null, invitation: await this.invitations.create(projectId, dto.email, dto.role, actor, manager) };
      }
      if (!user && passwordHash) {
        user = await manager.save(
          manager.create(UserEntity, {
            email: dto.email,
            passwordHash,
            displayName: dto.displayName ?? dto.email.split('@')[0],
            locale: actor.locale,
            canCreateProjects: false,
          }),
        );
      } else if (user && passwordHash) {
        throw DomainException.conflict('password', 'This person already has an account: add them without a password');
      }
      const member = user as UserEntity;
      if (await manager.exists(MembershipEntity, { where: { projectId, userId: member.id } })) {
        throw DomainException.conflict('email', 'This person is already a member of the project');
      }
      await manager.insert(MembershipEntity, { projectId, userId: member.id, role: dto.role });
      await this.audit.record(
        { action: 'member.add', actorId: actor.id, actorEmail: actor.email, projectId, target: member.email, details: { role: dto.role } },
        manager,
      );
      const membership = await manager.findOneOrFail(MembershipEntity, { where: { projectId, userId: member.id }, relations: { user: true } });
      return { member: toMemberResponse(membership), invitation: null };
    });
  }

  async updateRole(projectId: string, userId: string, dto: UpdateMemberDto, actor: UserEntity): Promise<MemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.findMembership(manager, projectId, userId);
      if (membership.role === 'owner' && dto.role !== 'owner') await this.assertAnotherOwner(manager, projectId);
      const previous = membership.role;
      await manager.update(MembershipEntity, { projectId, userId }, { role: dto.role });
      await this.audit.record(
        { action: 'member.role_change', actorId: actor.id, actorEmail: actor.email, projectId, target: membership.user.email, details: { from: previous, to: dto.role } },
        manager,
      );
      return toMemberResponse({ ...membership, role: dto.role });
    });
  }

  async remove(projectId: string, userId: string, actor: UserEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.findMembership(manager, projectId, userId);
      if (membership.role === 'owner') await this.assertAnotherOwner(manager, projectId);
      await manager.delete(MembershipEntity, { projectId, userId });
      await this.audit.record(
        { action: 'member.remove', actorId: actor.id, actorEmail: actor.email, projectId, target: membership.user.email, details: { role: membership.role } },
        manager,
      );
    });
  }

  private async findMembership(manager: EntityManager, projectId: string, userId: string): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { projectId, userId },
      relations: { user: true },
    });
    if (!membership) throw DomainException.notFound('Member');
    return membership;
  }

  /** Locks the project's owner rows so two owners cannot demote each other at once. */
  private async assertAnotherOwner(manager: EntityManager, projectId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM memberships WHERE project_id = $1 AND role = 'owner' FOR UPDATE`, [projectId]);
    const owners = await manager.count(MembershipEntity, { where: { projectId, role: 'owner' } });
    if (owners < 2) throw DomainException.conflict('role', 'A project needs at least one owner: make someone else owner first');
  }
}
