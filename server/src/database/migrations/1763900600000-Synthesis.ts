import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Synthesis runs (durable jobs with progress and a heartbeat), their clusters with
 * members, per-quote inferences (stage, sentiment: marked inferred, never written
 * over a moderator's tag), and the project's accepted jobs to be done.
 */
export class Synthesis1763900600000 implements MigrationInterface {
  name = 'Synthesis1763900600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE synthesis_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        phase varchar(16) NOT NULL DEFAULT 'queued',
        progress real NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        params jsonb NOT NULL DEFAULT '{}',
        engine_version varchar(64),
        counts jsonb,
        changes jsonb,
        summary jsonb,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        started_by uuid REFERENCES users (id) ON DELETE SET NULL,
        worker varchar(100),
        heartbeat_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX synthesis_runs_project_idx ON synthesis_runs (project_id, created_at DESC)`);
    // One run at a time per project: a second start is refused by the database itself.
    await queryRunner.query(`CREATE UNIQUE INDEX synthesis_runs_one_active_key ON synthesis_runs (project_id) WHERE status IN ('queued', 'running')`);
    await queryRunner.query(`CREATE INDEX synthesis_runs_heartbeat_idx ON synthesis_runs (heartbeat_at) WHERE status = 'running'`);

    await queryRunner.query(`
      CREATE TABLE project_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title varchar(300) NOT NULL,
        statement text NOT NULL DEFAULT '',
        cluster_id uuid,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX project_jobs_project_idx ON project_jobs (project_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE synthesis_clusters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES synthesis_runs (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('job', 'theme', 'touchpoint')),
        status varchar(16) NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'discarded', 'merged')),
        position integer NOT NULL,
        label varchar(300) NOT NULL,
        keywords jsonb NOT NULL DEFAULT '[]',
        statement text,
        statement_parts jsonb,
        edited boolean NOT NULL DEFAULT false,
        cohesion real,
        size integer NOT NULL DEFAULT 0,
        participants integer NOT NULL DEFAULT 0,
        sources integer NOT NULL DEFAULT 0,
        mentions integer NOT NULL DEFAULT 0,
        mean_sentiment real,
        stage_distribution jsonb NOT NULL DEFAULT '{}',
        touchpoint_id uuid REFERENCES touchpoints (id) ON DELETE SET NULL,
        touchpoint_key varchar(64),
        channel varchar(32),
        job_id uuid REFERENCES project_jobs (id) ON DELETE SET NULL,
        change varchar(8) CHECK (change IN ('new', 'grown', 'shrunk', 'same')),
        previous_cluster_id uuid REFERENCES synthesis_clusters (id) ON DELETE SET NULL,
        merged_into uuid REFERENCES synthesis_clusters (id) ON DELETE SET NULL,
        UNIQUE (run_id, position)
      )`);
    await queryRunner.query(`CREATE INDEX synthesis_clusters_run_idx ON synthesis_clusters (run_id, kind, status)`);
    await queryRunner.query(`CREATE INDEX synthesis_clusters_job_idx ON synthesis_clusters (job_id) WHERE job_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE project_jobs ADD CONSTRAINT project_jobs_cluster_fk FOREIGN KEY (cluster_id) REFERENCES synthesis_clusters (id) ON DELETE SET NULL`);

    await queryRunner.query(`
      CREATE TABLE synthesis_cluster_members (
        cluster_id uuid NOT NULL REFERENCES synthesis_clusters (id) ON DELETE CASCADE,
        quote_id uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
        score real,
        representative boolean NOT NULL DEFAULT false,
        PRIMARY KEY (cluster_id, quote_id)
      )`);
    await queryRunner.query(`CREATE INDEX synthesis_cluster_members_quote_idx ON synthesis_cluster_members (quote_id)`);

    await queryRunner.query(`
      CREATE TABLE synthesis_quote_inferences (
        run_id uuid NOT NULL REFERENCES synthesis_runs (id) ON DELETE CASCADE,
        quote_id uuid NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
        stage_id uuid REFERENCES stages (id) ON DELETE SET NULL,
        stage_source varchar(16) NOT NULL,
        stage_probability real,
        sentiment real,
        sentiment_source varchar(16),
        PRIMARY KEY (run_id, quote_id)
      )`);
    await queryRunner.query(`CREATE INDEX synthesis_quote_inferences_quote_idx ON synthesis_quote_inferences (quote_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS synthesis_quote_inferences`);
    await queryRunner.query(`DROP TABLE IF EXISTS synthesis_cluster_members`);
    await queryRunner.query(`ALTER TABLE IF EXISTS project_jobs DROP CONSTRAINT IF EXISTS project_jobs_cluster_fk`);
    await queryRunner.query(`DROP TABLE IF EXISTS synthesis_clusters`);
    await queryRunner.query(`DROP TABLE IF EXISTS project_jobs`);
    await queryRunner.query(`DROP TABLE IF EXISTS synthesis_runs`);
  }
}
