import type { MigrationInterface, QueryRunner } from 'typeorm';

/** User-visible state of long work (imports, synthesis runs, exports); the queue itself is pg-boss's. */
export class BackgroundJobs1763900200000 implements MigrationInterface {
  name = 'BackgroundJobs1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE background_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        phase varchar(64) NOT NULL DEFAULT '',
        progress real NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        params jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX background_jobs_project_idx ON background_jobs (project_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS background_jobs`);
  }
}
