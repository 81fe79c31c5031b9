import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox every service owns in its own database. Services list this migration
 * first in their own migration list.
 */
export class MessagingTables1764115200000 implements MigrationInterface {
  name = 'MessagingTables1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        id           uuid NOT NULL,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        event_type   text NOT NULL,
        -- The serialized CloudEvent, sent to Kafka byte for byte: json (checked, kept as text)
        -- rather than jsonb, which would be parsed on the way in and re-serialized on the way out.
        payload      json NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    // The relay reads only what is pending; a partial index keeps that cheap however big the table.
    await queryRunner.query('CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL');
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        event_id       text NOT NULL,
        event_type     text NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TABLE outbox');
  }
}
