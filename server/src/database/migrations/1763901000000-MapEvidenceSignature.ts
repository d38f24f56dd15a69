import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The evidence a map was assembled from, as a signature: a map whose evidence changed re-assembles when it is read. */
export class MapEvidenceSignature1763901000000 implements MigrationInterface {
  name = 'MapEvidenceSignature1763901000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journey_maps ADD COLUMN evidence_signature text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journey_maps DROP COLUMN IF EXISTS evidence_signature`);
  }
}
