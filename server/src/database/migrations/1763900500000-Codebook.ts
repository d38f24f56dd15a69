import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The codebook (hierarchical tags), transcript highlights as quotes, tag applications per coder, full-text search. */
export class Codebook1763900500000 implements MigrationInterface {
  name = 'Codebook1763900500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES tags (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('stage', 'touchpoint', 'emotion', 'pain', 'gain', 'job', 'custom', 'action', 'decision')),
        name varchar(200) NOT NULL,
        color varchar(7) NOT NULL DEFAULT '#6b7280',
        description text NOT NULL DEFAULT '',
        shortcut varchar(1),
        stage_id uuid REFERENCES stages (id) ON DELETE CASCADE,
        valence smallint CHECK (valence BETWEEN -2 AND 2),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX tags_project_kind_name_key ON tags (project_id, kind, lower(name)) WHERE stage_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX tags_project_shortcut_key ON tags (project_id, shortcut) WHERE shortcut IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tags_parent_idx ON tags (parent_id)`);

    await queryRunner.query(`ALTER TABLE quotes ADD COLUMN session_id uuid REFERENCES research_sessions (id) ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE quotes ADD COLUMN utterance_id uuid REFERENCES utterances (id) ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE quotes ADD COLUMN created_by uuid REFERENCES users (id) ON DELETE SET NULL`);
    // Russian and English stems together: quotes mix languages and their language is not always known.
    await queryRunner.query(
      `ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('russian', text) || to_tsvector('english', text)) STORED`,
    );
    await queryRunner.query(`CREATE INDEX quotes_search_idx ON quotes USING gin (search)`);
    await queryRunner.query(`CREATE INDEX quotes_utterance_idx ON quotes (utterance_id) WHERE utterance_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX quotes_session_idx ON quotes (session_id) WHERE session_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE quote_tags (
        quote_id uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        applied_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (quote_id, tag_id, applied_by)
      )`);
    await queryRunner.query(`CREATE INDEX quote_tags_tag_idx ON quote_tags (tag_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS quote_tags`);
    for (const column of ['search', 'created_by', 'utterance_id', 'session_id']) await queryRunner.query(`ALTER TABLE quotes DROP COLUMN IF EXISTS ${column}`);
    await queryRunner.query(`DROP TABLE IF EXISTS tags`);
  }
}
