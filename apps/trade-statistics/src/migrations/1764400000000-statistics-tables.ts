import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One roll-up table: its key columns (the primary key, in this order) after `period` and `flow` or `uscc`. */
function rollup(table: string, keyColumns: string, keyDefinitions: string): string {
  // fillfactor 80: room on every page for the HOT updates that bump a row's sums without touching the index.
  // No CHECK on the sums: moving an enterprise between tiers upserts negative deltas, and
  // PostgreSQL checks an INSERT … ON CONFLICT's proposed row before it sees the conflict.
  return `
    CREATE TABLE ${table} (
      ${keyDefinitions},
      value_usd    numeric(24, 2) NOT NULL,
      declarations integer NOT NULL,
      PRIMARY KEY (${keyColumns})
    ) WITH (fillfactor = 80)`;
}

/**
 * The tables of trade-statistics.
 *
 * `declaration` keeps every declaration once: its primary key `declaration_id` is the
 * exactly-once guarantee of ingestion (a repeat is `ON CONFLICT DO NOTHING`). Dimensions are
 * stored as compact codes (see rollups/dimensions.rules.ts): period as YYYYMM, flow 1 export /
 * 2 import, the HS chapter as a number and the commodity categories as a bit mask.
 *
 * The `rollup_*` tables are monthly sums (value and count) maintained in the ingest transaction
 * from the newly inserted declarations only. Each answers a family of summary queries
 * (stats/summary-cubes.ts picks the smallest that has every dimension a query needs):
 *
 * | table                      | key after (period, flow)                                   |
 * |----------------------------|------------------------------------------------------------|
 * | rollup_enterprise          | uscc, hs_chapter, category_mask, partner_country (all grain)|
 * | rollup_enterprise_month    | uscc                                                       |
 * | rollup_org                 | tier, zone                                                 |
 * | rollup_org_commodity       | tier, zone, hs_chapter, category_mask                      |
 * | rollup_org_partner         | tier, zone, partner_country                                |
 * | rollup_commodity_partner   | hs_chapter, category_mask, partner_country                 |
 * | rollup_commodity           | hs_chapter, category_mask                                  |
 * | rollup_partner             | partner_country                                            |
 *
 * `tier` (as designated for the declaration's year) and `zone` come from the registry
 * projection; when the registry changes either, the enterprise's share is moved between rows
 * from `rollup_enterprise` (projections/apply-enterprise-state.usecase.ts).
 */
export class StatisticsTables1764400000000 implements MigrationInterface {
  name = 'StatisticsTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE declaration (
        declaration_id  text PRIMARY KEY,
        uscc            text NOT NULL,
        flow            smallint NOT NULL CHECK (flow IN (1, 2)),
        hs_code         text NOT NULL,
        hs_chapter      smallint NOT NULL,
        category_mask   smallint NOT NULL,
        partner_country text NOT NULL,
        period          integer NOT NULL,
        value_usd       numeric(18, 2) NOT NULL CHECK (value_usd > 0),
        quantity        numeric(24, 6),
        unit            text,
        net_weight_kg   numeric(24, 6),
        customs_port    text,
        trade_mode      text,
        import_id       uuid,
        ingested_at     timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(
      rollup(
        'rollup_enterprise',
        'uscc, period, flow, hs_chapter, category_mask, partner_country',
        'uscc text NOT NULL, period integer NOT NULL, flow smallint NOT NULL, hs_chapter smallint NOT NULL, category_mask smallint NOT NULL, partner_country text NOT NULL',
      ),
    );
    await queryRunner.query(rollup('rollup_enterprise_month', 'uscc, period, flow', 'uscc text NOT NULL, period integer NOT NULL, flow smallint NOT NULL'));
    // Period-wide questions over all enterprises (top 10, new exporters, the alerts of a month).
    await queryRunner.query('CREATE INDEX rollup_enterprise_month_period ON rollup_enterprise_month (period, flow)');
    await queryRunner.query(
      rollup('rollup_org', 'period, flow, tier, zone', 'period integer NOT NULL, flow smallint NOT NULL, tier text NOT NULL, zone text NOT NULL'),
    );
    await queryRunner.query(
      rollup(
        'rollup_org_commodity',
        'period, flow, tier, zone, hs_chapter, category_mask',
        'period integer NOT NULL, flow smallint NOT NULL, tier text NOT NULL, zone text NOT NULL, hs_chapter smallint NOT NULL, category_mask smallint NOT NULL',
      ),
    );
    await queryRunner.query(
      rollup(
        'rollup_org_partner',
        'period, flow, tier, zone, partner_country',
        'period integer NOT NULL, flow smallint NOT NULL, tier text NOT NULL, zone text NOT NULL, partner_country text NOT NULL',
      ),
    );
    await queryRunner.query(
      rollup(
        'rollup_commodity_partner',
        'period, flow, hs_chapter, category_mask, partner_country',
        'period integer NOT NULL, flow smallint NOT NULL, hs_chapter smallint NOT NULL, category_mask smallint NOT NULL, partner_country text NOT NULL',
      ),
    );
    await queryRunner.query(
      rollup(
        'rollup_commodity',
        'period, flow, hs_chapter, category_mask',
        'period integer NOT NULL, flow smallint NOT NULL, hs_chapter smallint NOT NULL, category_mask smallint NOT NULL',
      ),
    );
    await queryRunner.query(
      rollup('rollup_partner', 'period, flow, partner_country', 'period integer NOT NULL, flow smallint NOT NULL, partner_country text NOT NULL'),
    );

    // The registry as this service needs it (event-carried state transfer).
    await queryRunner.query(`
      CREATE TABLE enterprise_projection (
        enterprise_id uuid PRIMARY KEY,
        uscc          text NOT NULL UNIQUE,
        name          text NOT NULL,
        name_local    text,
        region        text NOT NULL,
        zone_code     text,
        sectors       text[] NOT NULL,
        status        text NOT NULL,
        designations  jsonb NOT NULL,
        version       integer NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE enterprise_tier (
        uscc  text NOT NULL,
        cycle integer NOT NULL,
        tier  text NOT NULL CHECK (tier IN ('BACKBONE', 'POTENTIAL')),
        PRIMARY KEY (uscc, cycle)
      )`);
    // From grants: when an enterprise first had support approved.
    await queryRunner.query(`
      CREATE TABLE enterprise_support (
        enterprise_id     uuid PRIMARY KEY,
        first_approved_at timestamptz NOT NULL,
        application_id    uuid NOT NULL,
        programme_code    text NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE import_job (
        id               uuid PRIMARY KEY,
        status           text NOT NULL CHECK (status IN ('RECEIVING', 'RECEIVED', 'FAILED')),
        created_by       text NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        received_at      timestamptz,
        rows_read        bigint NOT NULL DEFAULT 0,
        accepted         bigint NOT NULL DEFAULT 0,
        rejected         bigint NOT NULL DEFAULT 0,
        first_rejections jsonb NOT NULL DEFAULT '[]',
        error            text
      )`);
    // Written by the ingest consumer, one row per import and partition, so that the consumers of
    // different partitions never wait for each other on one counter row.
    await queryRunner.query(`
      CREATE TABLE import_progress (
        import_id  uuid NOT NULL,
        lane       integer NOT NULL,
        ingested   bigint NOT NULL DEFAULT 0,
        duplicates bigint NOT NULL DEFAULT 0,
        failed     bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (import_id, lane)
      )`);

    await queryRunner.query(`
      CREATE TABLE period_close (
        period    integer PRIMARY KEY,
        closed_at timestamptz NOT NULL DEFAULT now(),
        closed_by text NOT NULL,
        automatic boolean NOT NULL,
        alerts    integer NOT NULL DEFAULT 0
      )`);
    // At most one export-decline alert per enterprise and period, whatever closes the period.
    await queryRunner.query(`
      CREATE TABLE export_decline_alert (
        enterprise_id             uuid NOT NULL,
        period                    integer NOT NULL,
        uscc                      text NOT NULL,
        tier                      text NOT NULL,
        exports_usd               numeric(24, 2) NOT NULL,
        previous_year_exports_usd numeric(24, 2) NOT NULL,
        change_ratio              numeric(12, 4) NOT NULL,
        event_id                  uuid NOT NULL,
        created_at                timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enterprise_id, period)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'export_decline_alert',
      'period_close',
      'import_progress',
      'import_job',
      'enterprise_support',
      'enterprise_tier',
      'enterprise_projection',
      'rollup_partner',
      'rollup_commodity',
      'rollup_commodity_partner',
      'rollup_org_partner',
      'rollup_org_commodity',
      'rollup_org',
      'rollup_enterprise_month',
      'rollup_enterprise',
      'declaration',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
