import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import type { ProjectRole } from '@tropa/contracts';
import { UserEntity } from '../users/user.entity';
import { UserSessionEntity } from './user-session.entity';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface ResolvedSession {
  id: string;
  user: UserEntity;
  /** The user's role in the project asked about, null when not a member (or none asked). */
  projectRole: ProjectRole | null;
}

interface SessionRow {
  session_id: string;
  expires_at: Date;
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: UserEntity['locale'];
  can_create_projects: boolean;
  created_at: Date;
  updated_at: Date;
  role: ProjectRole | null;
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

  /**
   * The session of a token with its user and, when `projectId` is given, the user's role in
   * that project: one query on every authenticated request (plain SQL: the ORM's relation
   * loading cost more than the query itself).
   */
  async resolve(token: string, projectId: string | null = null): Promise<ResolvedSession | null> {
    if (token.length > 200) return null;
    const [row] = (await this.dataSource.query(
      `SELECT s.id AS session_id, s.expires_at, u.id, u.email, u.password_hash, u.display_name, u.locale, u.can_create_projects, u.created_at, u.updated_at, m.role
         FROM user_sessions s JOIN users u ON u.id = s.user_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.project_id = $2::uuid
        WHERE s.token_hash = $1`,
      [sha256(token), projectId],
    )) as SessionRow[];
    if (!row || row.expires_at.getTime() <= Date.now()) return null;
    const user = Object.assign(new UserEntity(), {
      id: row.id,
      email: row.email,
      passwordHash: row.password_hash,
      displayName: row.display_name,
      locale: row.locale,
      canCreateProjects: row.can_create_projects,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    return { id: row.session_id, user, projectRole: row.role };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(UserSessionEntity).delete({ id: sessionId });
  }
}
