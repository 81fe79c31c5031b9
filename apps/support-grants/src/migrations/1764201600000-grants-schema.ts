import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes with their budget, applications with their workflow state, the audit timeline,
 * disbursements, and the projection of the registry's enterprises used for eligibility.
 * Money is NUMERIC(18,2); the budget invariants are CHECK constraints as a last line of defence
 * behind the use-cases' conditional updates.
 */
export class GrantsSchema1764201600000 implements MigrationInterface {
  name = 'GrantsSchema1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enterprise_projection (
        id               uuid PRIMARY KEY,
        uscc             text NOT NULL,
        name             text NOT NULL,
        region           text NOT NULL,
        zone_code        text,
        sectors          text[] NOT NULL,
        contact_email    text NOT NULL,
        status           text NOT NULL,
        designations     jsonb NOT NULL,
        version          integer NOT NULL,
        state_updated_at timestamptz NOT NULL,
        last_event_id    text NOT NULL,
        last_event_type  text NOT NULL,
        projected_at     timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);

    await queryRunner.query(`
      CREATE TABLE programmes (
        seq                      bigserial UNIQUE,
        id                       uuid PRIMARY KEY,
        code                     text NOT NULL UNIQUE,
        name                     text NOT NULL,
        cycle                    integer NOT NULL,
        budget_total             numeric(18,2) NOT NULL,
        budget_reserved          numeric(18,2) NOT NULL DEFAULT 0,
        budget_disbursed         numeric(18,2) NOT NULL DEFAULT 0,
        eligible_tiers           text[] NOT NULL,
        eligible_sectors         text[],
        purposes                 text[] NOT NULL,
        max_grant_per_enterprise numeric(18,2) NOT NULL,
        opens_at                 timestamptz NOT NULL,
        closes_at                timestamptz NOT NULL,
        created_by               text NOT NULL,
        version                  integer NOT NULL DEFAULT 1,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT programme_budget_reserved_within_total CHECK (budget_reserved >= 0 AND budget_reserved <= budget_total),
        CONSTRAINT programme_budget_disbursed_within_reserved CHECK (budget_disbursed >= 0 AND budget_disbursed <= budget_reserved),
        CONSTRAINT programme_window CHECK (opens_at < closes_at)
      )`);
    await queryRunner.query('CREATE INDEX programmes_cycle ON programmes (cycle, seq)');

    await queryRunner.query(`
      CREATE TABLE applications (
        seq               bigserial UNIQUE,
        id                uuid PRIMARY KEY,
        programme_id      uuid NOT NULL REFERENCES programmes (id),
        enterprise_id     uuid NOT NULL,
        purpose           text NOT NULL,
        requested_amount  numeric(18,2) NOT NULL CHECK (requested_amount > 0),
        approved_amount   numeric(18,2) CHECK (approved_amount > 0),
        reserved_amount   numeric(18,2) NOT NULL DEFAULT 0,
        disbursed_amount  numeric(18,2) NOT NULL DEFAULT 0,
        title             text NOT NULL,
        description       text NOT NULL,
        trade_fair        text,
        target_markets    text[] NOT NULL DEFAULT '{}',
        status            text NOT NULL,
        submitted_by      text NOT NULL,
        submitted_by_name text,
        last_submitted_by text,
        submitted_at      timestamptz,
        decided_by        text,
        decided_at        timestamptz,
        version           integer NOT NULL DEFAULT 1,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_disbursed_within_approved CHECK (disbursed_amount >= 0 AND disbursed_amount <= coalesce(approved_amount, 0)),
        CONSTRAINT application_reserved_not_negative CHECK (reserved_amount >= 0)
      )`);
    await queryRunner.query('CREATE INDEX applications_programme_enterprise ON applications (programme_id, enterprise_id)');
    await queryRunner.query('CREATE INDEX applications_enterprise ON applications (enterprise_id, seq)');
    await queryRunner.query('CREATE INDEX applications_status ON applications (status, seq)');
    await queryRunner.query('CREATE INDEX applications_submitted_by ON applications (submitted_by, seq)');
    await queryRunner.query('CREATE INDEX applications_programme ON applications (programme_id, seq)');

    await queryRunner.query(`
      CREATE TABLE application_timeline (
        seq            bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        at             timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor          text NOT NULL,
        actor_name     text,
        role           text NOT NULL,
        from_status    text,
        to_status      text NOT NULL,
        comment        text,
        amount         numeric(18,2)
      )`);
    await queryRunner.query('CREATE INDEX application_timeline_application ON application_timeline (application_id, seq)');

    await queryRunner.query(`
      CREATE TABLE disbursements (
        id             uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        amount         numeric(18,2) NOT NULL CHECK (amount > 0),
        reference      text NOT NULL,
        disbursed_by   text NOT NULL,
        disbursed_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX disbursements_application ON disbursements (application_id, disbursed_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE disbursements');
    await queryRunner.query('DROP TABLE application_timeline');
    await queryRunner.query('DROP TABLE applications');
    await queryRunner.query('DROP TABLE programmes');
    await queryRunner.query('DROP TABLE enterprise_projection');
  }
}
