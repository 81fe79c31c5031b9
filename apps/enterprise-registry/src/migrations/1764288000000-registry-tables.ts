import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register: enterprises, their tier designations per programme cycle with the quota counter
 * that keeps each tier at its limit under concurrency, and the change history.
 */
export class RegistryTables1764288000000 implements MigrationInterface {
  name = 'RegistryTables1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make `q` (name contains) an index scan instead of a sequential one.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`
      CREATE TABLE enterprise (
        id             uuid PRIMARY KEY,
        uscc           varchar(18) NOT NULL,
        name           varchar(300) NOT NULL,
        name_local     varchar(300),
        region         varchar(12) NOT NULL,
        zone_code      varchar(64),
        sectors        text[] NOT NULL,
        contact_email  varchar(254) NOT NULL,
        address        varchar(500),
        founded_on     date,
        trade_modes    text[] NOT NULL DEFAULT '{}',
        status         varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
        version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        -- Decides the duplicate-registration race: the loser gets 23505, answered 409 ENTERPRISE_EXISTS.
        CONSTRAINT enterprise_uscc_unique UNIQUE (uscc)
      )`);
    await queryRunner.query('CREATE INDEX enterprise_zone_code ON enterprise (zone_code, id)');
    await queryRunner.query('CREATE INDEX enterprise_region ON enterprise (region, id)');
    await queryRunner.query('CREATE INDEX enterprise_status ON enterprise (status, id)');
    await queryRunner.query('CREATE INDEX enterprise_sectors ON enterprise USING gin (sectors)');
    await queryRunner.query('CREATE INDEX enterprise_name_trgm ON enterprise USING gin (name gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX enterprise_name_local_trgm ON enterprise USING gin (name_local gin_trgm_ops)');

    await queryRunner.query(`
      CREATE TABLE tier_designation (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id      uuid NOT NULL REFERENCES enterprise (id),
        cycle              integer NOT NULL CHECK (cycle BETWEEN 2000 AND 2100),
        tier               varchar(16) NOT NULL CHECK (tier IN ('BACKBONE', 'POTENTIAL')),
        reason             varchar(1000) NOT NULL,
        designated_at      timestamptz NOT NULL DEFAULT now(),
        designated_by      text NOT NULL,
        revoked_at         timestamptz,
        revoked_by         text,
        revocation_reason  varchar(1000),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revocation_reason IS NULL))
      )`);
    // One live designation per enterprise and cycle; revoked rows stay as history.
    await queryRunner.query(
      'CREATE UNIQUE INDEX tier_designation_live ON tier_designation (enterprise_id, cycle) WHERE revoked_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX tier_designation_live_by_tier ON tier_designation (cycle, tier, enterprise_id) WHERE revoked_at IS NULL',
    );

    // One counter row per cycle and tier, incremented conditionally in the designation's
    // transaction: its row lock serialises designations of that tier, so the limit holds.
    await queryRunner.query(`
      CREATE TABLE tier_quota (
        cycle        integer NOT NULL,
        tier         varchar(16) NOT NULL CHECK (tier IN ('BACKBONE', 'POTENTIAL')),
        used         integer NOT NULL DEFAULT 0,
        quota_limit  integer NOT NULL CHECK (quota_limit >= 0),
        PRIMARY KEY (cycle, tier),
        CHECK (used >= 0 AND used <= quota_limit)
      )`);

    await queryRunner.query(`
      CREATE TABLE enterprise_history (
        id              bigserial PRIMARY KEY,
        enterprise_id   uuid NOT NULL REFERENCES enterprise (id),
        action          varchar(32) NOT NULL,
        at              timestamptz NOT NULL DEFAULT now(),
        actor           text NOT NULL,
        actor_name      text,
        actor_role      varchar(16) NOT NULL,
        version         integer NOT NULL,
        before          jsonb,
        after           jsonb,
        correlation_id  varchar(128)
      )`);
    await queryRunner.query('CREATE INDEX enterprise_history_enterprise ON enterprise_history (enterprise_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE enterprise_history');
    await queryRunner.query('DROP TABLE tier_quota');
    await queryRunner.query('DROP TABLE tier_designation');
    await queryRunner.query('DROP TABLE enterprise');
  }
}
