import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import type { UserEntity } from '../users/user.entity';
import { UserSessionEntity } from './user-session.entity';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface ResolvedSession {
  id: string;
  user: UserEntity;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.sessionTtlHours * 3600 * 1000;
  }

  /** Creates a session and returns the cookie's token (only its hash is stored). */
  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(UserSessionEntity).insert({
      tokenHash: sha256(token),
      userId,
      expiresAt: new Date(Date.now() + this.ttlMs),
    });
    // Expired sessions of this user are cleaned up as they log in again.
    await this.dataSource.getRepository(UserSessionEntity).delete({ userId, expiresAt: LessThan(new Date()) });
    return token;
  }

  async resolve(token: string): Promise<ResolvedSession | null> {
    if (token.length > 200) return null;
    const session = await this.dataSource.getRepository(UserSessionEntity).findOne({
      where: { tokenHash: sha256(token) },
      relations: { user: true },
    });
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    return { id: session.id, user: session.user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(UserSessionEntity).delete({ id: sessionId });
  }
}
