import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded survey files (kept in PostgreSQL, the only stateful component) and their import state. */
export class SurveyImports1763900300000 implements MigrationInterface {
  name = 'SurveyImports1763900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE survey_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        file_name varchar(255) NOT NULL,
        file_size integer NOT NULL,
        file_sha256 varchar(64) NOT NULL,
        content bytea NOT NULL,
        source varchar(16) NOT NULL,
        columns jsonb NOT NULL,
        suggested_mapping jsonb NOT NULL DEFAULT '[]',
        respondent_column integer,
        submitted_at_column integer,
        status varchar(16) NOT NULL DEFAULT 'uploaded'
          CHECK (status IN ('uploaded', 'validating', 'validated', 'importing', 'completed', 'failed')),
        report jsonb,
        job_id uuid REFERENCES background_jobs (id) ON DELETE SET NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX survey_imports_survey_idx ON survey_imports (survey_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX survey_imports_hash_idx ON survey_imports (survey_id, file_sha256)`);
    await queryRunner.query(
      `ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_import_batch_fk FOREIGN KEY (import_batch_id) REFERENCES survey_imports (id) ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX survey_responses_import_batch_idx ON survey_responses (import_batch_id) WHERE import_batch_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE survey_responses DROP CONSTRAINT IF EXISTS survey_responses_import_batch_fk`);
    await queryRunner.query(`DROP INDEX IF EXISTS survey_responses_import_batch_idx`);
    await queryRunner.query(`DROP TABLE IF EXISTS survey_imports`);
  }
}
