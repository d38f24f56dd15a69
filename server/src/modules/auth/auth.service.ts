import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { DomainException } from '../../core/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import { InvitationsService } from '../members/invitations.service';
import { UserEntity } from '../users/user.entity';
import type { LoginDto, RegisterDto, UpdateMeDto } from './dto/auth.dto';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';

export interface LoggedIn {
  user: UserEntity;
  token: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The first user of an instance registers freely and may create projects;
   * everyone after needs an invitation sent to their email.
   */
  async register(dto: RegisterDto, ip: string | null): Promise<LoggedIn> {
    const passwordHash = await this.passwords.hash(dto.password);
    const user = await this.dataSource
      .transaction(async (manager) => {
        // Serialises registrations so that exactly one user can be "the first".
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tropa:register'))`);
        if (await manager.exists(UserEntity, { where: { email: dto.email } })) {
          throw DomainException.conflict('email', 'An account with this email already exists');
        }
        const isFirst = (await manager.count(UserEntity)) === 0;
        const invitation = isFirst ? null : await this.requireInvitation(dto, manager);
        const created = await manager.save(
          manager.create(UserEntity, {
            email: dto.email,
            passwordHash,
            displayName: dto.displayName,
            locale: dto.locale ?? 'ru',
            canCreateProjects: isFirst,
          }),
        );
        if (invitation) await this.invitations.accept(invitation, created, manager);
        await this.audit.record({ action: 'auth.register', actorId: created.id, actorEmail: created.email, ip }, manager);
        return created;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw DomainException.conflict('email', 'An account with this email already exists');
        throw error;
      });
    return { user, token: await this.sessions.create(user.id) };
  }

  private async requireInvitation(dto: RegisterDto, manager: Parameters<InvitationsService['findUsable']>[1]) {
    if (!dto.invitationToken) {
      throw DomainException.forbidden('Registration is by invitation: ask a project owner for an invitation link');
    }
    const invitation = await this.invitations.findUsable(dto.invitationToken, manager);
    if (invitation.email !== dto.email) {
      throw DomainException.invalid('email', 'This invitation was sent to another email address');
    }
    return invitation;
  }

  /** Wrong password and unknown email get the same answer in the same time. */
  async login(dto: LoginDto, ip: string | null): Promise<LoggedIn> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { email: dto.email } });
    const valid = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !valid) {
      await this.audit.record({ action: 'auth.login_failed', actorId: user?.id ?? null, actorEmail: dto.email, ip });
      throw DomainException.unauthenticated('Invalid email or password');
    }
    await this.audit.record({ action: 'auth.login', actorId: user.id, actorEmail: user.email, ip });
    return { user, token: await this.sessions.create(user.id) };
  }

  async logout(user: UserEntity, sessionId: string | undefined, ip: string | null): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId);
    await this.audit.record({ action: 'auth.logout', actorId: user.id, actorEmail: user.email, ip });
  }

  async updateMe(user: UserEntity, dto: UpdateMeDto): Promise<UserEntity> {
    const repository = this.dataSource.getRepository(UserEntity);
    await repository.update({ id: user.id }, { displayName: dto.displayName ?? user.displayName, locale: dto.locale ?? user.locale });
    return repository.findOneByOrFail({ id: user.id });
  }
}
