import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy: a retention period per project (survey responses older than it are erased
 * by a nightly job) and the moment a respondent or a participant was erased (the rows
 * stay so that transcripts and counts stay coherent; their content does not).
 */
export class Privacy1763900800000 implements MigrationInterface {
  name = 'Privacy1763900800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN retention_days integer CHECK (retention_days BETWEEN 1 AND 3650)`);
    await queryRunner.query(`ALTER TABLE survey_responses ADD COLUMN erased_at timestamptz`);
    await queryRunner.query(`ALTER TABLE participants ADD COLUMN erased_at timestamptz`);
    // The retention sweep reads the oldest responses not yet erased of one project.
    await queryRunner.query(`CREATE INDEX survey_responses_retention_idx ON survey_responses (project_id, submitted_at) WHERE erased_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS survey_responses_retention_idx`);
    await queryRunner.query(`ALTER TABLE participants DROP COLUMN IF EXISTS erased_at`);
    await queryRunner.query(`ALTER TABLE survey_responses DROP COLUMN IF EXISTS erased_at`);
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN IF EXISTS retention_days`);
  }
}
