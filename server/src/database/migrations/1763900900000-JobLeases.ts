import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leases of running background jobs: the worker running a leased job beats its heartbeat;
 * a lease whose heartbeat stopped means the worker died, and any other worker fails the
 * job in the queue so that it is retried at once instead of when its expiry runs out.
 */
export class JobLeases1763900900000 implements MigrationInterface {
  name = 'JobLeases1763900900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_leases (
        job_id uuid PRIMARY KEY,
        queue text NOT NULL,
        worker text NOT NULL,
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX job_leases_heartbeat_idx ON job_leases (heartbeat_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS job_leases`);
  }
}
