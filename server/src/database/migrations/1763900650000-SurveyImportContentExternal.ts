import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files are read back in slices (`substring(content FROM … FOR …)`) so that an import
 * streams instead of holding the whole file. Slicing is cheap only for uncompressed out-of-line
 * values: PostgreSQL then fetches just the TOAST chunks a slice covers. Applies to new uploads.
 */
export class SurveyImportContentExternal1763900650000 implements MigrationInterface {
  name = 'SurveyImportContentExternal1763900650000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE survey_imports ALTER COLUMN content SET STORAGE EXTERNAL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE survey_imports ALTER COLUMN content SET STORAGE EXTENDED`);
  }
}
