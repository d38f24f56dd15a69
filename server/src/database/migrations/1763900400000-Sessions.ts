import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Interviews and focus groups, their participants and transcripts (utterances). */
export class Sessions1763900400000 implements MigrationInterface {
  name = 'Sessions1763900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE research_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('interview', 'focus_group')),
        title varchar(200) NOT NULL,
        held_on date,
        moderator_id uuid REFERENCES users (id) ON DELETE SET NULL,
        notes text NOT NULL DEFAULT '',
        blind_coding boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX research_sessions_project_idx ON research_sessions (project_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES research_sessions (id) ON DELETE CASCADE,
        pseudonym varchar(100) NOT NULL,
        persona_id uuid REFERENCES personas (id) ON DELETE SET NULL,
        consent boolean NOT NULL DEFAULT false,
        contact varchar(500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX participants_session_pseudonym_key ON participants (session_id, lower(pseudonym))`);
    await queryRunner.query(`
      CREATE TABLE utterances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES research_sessions (id) ON DELETE CASCADE,
        position integer NOT NULL,
        speaker varchar(100),
        participant_id uuid REFERENCES participants (id) ON DELETE SET NULL,
        moderator boolean NOT NULL DEFAULT false,
        start_ms integer,
        end_ms integer,
        text text NOT NULL,
        UNIQUE (session_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX utterances_participant_idx ON utterances (participant_id) WHERE participant_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['utterances', 'participants', 'research_sessions']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
