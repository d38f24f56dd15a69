import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Surveys, their question mappings, responses, and quotes (open answers become quotes). */
export class Surveys1763900100000 implements MigrationInterface {
  name = 'Surveys1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        language varchar(2) NOT NULL CHECK (language IN ('ru', 'en')),
        status varchar(8) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        definition jsonb NOT NULL,
        public_token varchar(64) UNIQUE,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX surveys_project_idx ON surveys (project_id, updated_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE survey_question_mappings (
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        question_name varchar(100) NOT NULL,
        stage_id uuid REFERENCES stages (id) ON DELETE SET NULL,
        touchpoint_id uuid REFERENCES touchpoints (id) ON DELETE SET NULL,
        persona_attribute varchar(100),
        metric varchar(16) CHECK (metric IN ('csat', 'ces', 'nps', 'emotion', 'kpi_l', 'kpi_c', 'kpi_p', 'kpi_q')),
        jtbd_prompt boolean NOT NULL DEFAULT false,
        PRIMARY KEY (survey_id, question_name)
      )`);

    await queryRunner.query(`
      CREATE TABLE survey_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        respondent_key varchar(100) NOT NULL,
        source varchar(8) NOT NULL CHECK (source IN ('link', 'import')),
        import_batch_id uuid,
        answers jsonb NOT NULL,
        completed boolean NOT NULL DEFAULT true,
        persona_id uuid REFERENCES personas (id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (survey_id, respondent_key)
      )`);
    await queryRunner.query(`CREATE INDEX survey_responses_survey_submitted_idx ON survey_responses (survey_id, submitted_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX survey_responses_project_idx ON survey_responses (project_id)`);
    await queryRunner.query(`CREATE INDEX survey_responses_answers_idx ON survey_responses USING gin (answers jsonb_path_ops)`);

    await queryRunner.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        source_type varchar(16) NOT NULL CHECK (source_type IN ('survey_answer', 'transcript')),
        survey_id uuid REFERENCES surveys (id) ON DELETE CASCADE,
        response_id uuid REFERENCES survey_responses (id) ON DELETE CASCADE,
        question_name varchar(100),
        start_offset integer NOT NULL CHECK (start_offset >= 0),
        end_offset integer NOT NULL CHECK (end_offset > start_offset),
        text text NOT NULL,
        stage_id uuid REFERENCES stages (id) ON DELETE SET NULL,
        touchpoint_id uuid REFERENCES touchpoints (id) ON DELETE SET NULL,
        participant_key varchar(100),
        sentiment smallint CHECK (sentiment BETWEEN -2 AND 2),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX quotes_project_created_idx ON quotes (project_id, created_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX quotes_response_idx ON quotes (response_id)`);
    await queryRunner.query(`CREATE INDEX quotes_survey_question_idx ON quotes (survey_id, question_name)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['quotes', 'survey_responses', 'survey_question_mappings', 'surveys']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
