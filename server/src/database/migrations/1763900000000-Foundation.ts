import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions, projects, memberships, invitations, stages, personas, touchpoints, audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        display_name varchar(200) NOT NULL,
        locale varchar(2) NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
        can_create_projects boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await queryRunner.query(`
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash varchar(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX user_sessions_user_id_idx ON user_sessions (user_id)`);
    await queryRunner.query(`CREATE INDEX user_sessions_expires_at_idx ON user_sessions (expires_at)`);

    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        language varchar(2) NOT NULL CHECK (language IN ('ru', 'en')),
        stage_template varchar(16) NOT NULL CHECK (stage_template IN ('seven', 'four', 'six')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE memberships (
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CHECK (role IN ('owner', 'researcher', 'moderator', 'strategist')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX memberships_user_id_idx ON memberships (user_id)`);

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('owner', 'researcher', 'moderator', 'strategist')),
        token_hash varchar(64) NOT NULL UNIQUE,
        invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX invitations_project_id_idx ON invitations (project_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        position integer NOT NULL CHECK (position >= 0)
      )`);
    await queryRunner.query(`CREATE INDEX stages_project_position_idx ON stages (project_id, position)`);

    await queryRunner.query(`
      CREATE TABLE personas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        goals jsonb NOT NULL DEFAULT '[]',
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX personas_project_id_idx ON personas (project_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE touchpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        channel varchar(32) NOT NULL,
        online boolean NOT NULL DEFAULT true,
        owner_department varchar(200) NOT NULL DEFAULT '',
        aliases jsonb NOT NULL DEFAULT '[]',
        origin varchar(16) NOT NULL DEFAULT 'inventory' CHECK (origin IN ('inventory', 'discovered')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX touchpoints_project_name_key ON touchpoints (project_id, lower(name))`);
    await queryRunner.query(`CREATE INDEX touchpoints_project_channel_idx ON touchpoints (project_id, channel)`);

    await queryRunner.query(`
      CREATE TABLE touchpoint_stages (
        touchpoint_id uuid NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        PRIMARY KEY (touchpoint_id, stage_id)
      )`);
    await queryRunner.query(`CREATE INDEX touchpoint_stages_stage_id_idx ON touchpoint_stages (stage_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action varchar(64) NOT NULL,
        actor_id uuid,
        actor_email varchar(254),
        project_id uuid,
        target varchar(300),
        details jsonb NOT NULL DEFAULT '{}',
        ip varchar(64),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_project_created_idx ON audit_log (project_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_created_idx ON audit_log (actor_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'touchpoint_stages',
      'touchpoints',
      'personas',
      'stages',
      'invitations',
      'memberships',
      'projects',
      'user_sessions',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
