import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journey map: one working map per project and persona filter, its findings
 * (upserted by a stable key on each assembly so that people's review survives),
 * strategists' notes, comments, recommendations, stage KPIs, customer events for
 * the funnel, and immutable published versions.
 */
export class JourneyMaps1763900700000 implements MigrationInterface {
  name = 'JourneyMaps1763900700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journey_maps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        persona_id uuid REFERENCES personas (id) ON DELETE CASCADE,
        assembly jsonb,
        assembled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One working map per project and persona filter (no persona = everyone); works on PostgreSQL 14.
    await queryRunner.query(
      `CREATE UNIQUE INDEX journey_maps_project_persona_key ON journey_maps (project_id, coalesce(persona_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );

    await queryRunner.query(`
      CREATE TABLE journey_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        map_id uuid NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
        key varchar(300) NOT NULL,
        stage_id uuid REFERENCES stages (id) ON DELETE CASCADE,
        lane varchar(16) NOT NULL,
        assembled_text text NOT NULL,
        edited_text text,
        quote_ids uuid[] NOT NULL CHECK (cardinality(quote_ids) > 0),
        strength jsonb NOT NULL,
        score real NOT NULL DEFAULT 0,
        position integer NOT NULL DEFAULT 0,
        status varchar(16) NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected', 'edited')),
        reject_reason text,
        reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        present boolean NOT NULL DEFAULT true,
        digest varchar(64) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (map_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX journey_findings_map_idx ON journey_findings (map_id, present, position)`);

    await queryRunner.query(`
      CREATE TABLE journey_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        map_id uuid NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        lane varchar(16) NOT NULL,
        text text NOT NULL,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX journey_notes_map_idx ON journey_notes (map_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE finding_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL REFERENCES journey_findings (id) ON DELETE CASCADE,
        text text NOT NULL,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX finding_comments_finding_idx ON finding_comments (finding_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        map_id uuid NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
        text text NOT NULL,
        stage_id uuid REFERENCES stages (id) ON DELETE SET NULL,
        kpi varchar(1) CHECK (kpi IN ('L', 'C', 'P', 'Q')),
        expected_effect text NOT NULL DEFAULT '',
        impact smallint NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
        effort smallint NOT NULL DEFAULT 3 CHECK (effort BETWEEN 1 AND 5),
        owner_department varchar(200) NOT NULL DEFAULT '',
        status varchar(16) NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'dropped')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX recommendations_map_idx ON recommendations (map_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE recommendation_findings (
        recommendation_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        finding_id uuid NOT NULL REFERENCES journey_findings (id) ON DELETE CASCADE,
        PRIMARY KEY (recommendation_id, finding_id)
      )`);
    await queryRunner.query(`CREATE INDEX recommendation_findings_finding_idx ON recommendation_findings (finding_id)`);

    await queryRunner.query(`
      CREATE TABLE stage_metrics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        period_start date NOT NULL,
        kpi varchar(1) NOT NULL CHECK (kpi IN ('L', 'C', 'P', 'Q')),
        value numeric NOT NULL CHECK (value >= 0),
        source varchar(8) NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'survey', 'events')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, stage_id, period_start, kpi, source)
      )`);

    await queryRunner.query(`
      CREATE TABLE customer_events (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        customer_id varchar(200) NOT NULL,
        stage_id uuid REFERENCES stages (id) ON DELETE CASCADE,
        touchpoint_id uuid REFERENCES touchpoints (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        amount numeric CHECK (amount >= 0),
        CHECK (stage_id IS NOT NULL OR touchpoint_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX customer_events_project_customer_idx ON customer_events (project_id, customer_id, at)`);
    // The funnel of the events, computed once per import (and again if the stages change).
    await queryRunner.query(`
      CREATE TABLE customer_funnels (
        project_id uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
        stage_ids uuid[] NOT NULL,
        funnel jsonb,
        handoffs jsonb NOT NULL DEFAULT '[]',
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE map_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        map_id uuid NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        number integer NOT NULL,
        snapshot jsonb NOT NULL,
        findings integer NOT NULL,
        unreviewed integer NOT NULL,
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (map_id, number)
      )`);
    await queryRunner.query(`CREATE INDEX map_versions_project_idx ON map_versions (project_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'map_versions',
      'customer_funnels',
      'customer_events',
      'stage_metrics',
      'recommendation_findings',
      'recommendations',
      'finding_comments',
      'journey_notes',
      'journey_findings',
      'journey_maps',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
