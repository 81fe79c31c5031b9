import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The responses remembered for `Idempotency-Key`, per caller; every service has this table. */
export class IdempotencyKeys1764115300000 implements MigrationInterface {
  name = 'IdempotencyKeys1764115300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        caller          text NOT NULL,
        key             text NOT NULL,
        request_hash    text NOT NULL,
        response_status int,
        response_body   jsonb,
        response_headers jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz,
        PRIMARY KEY (caller, key)
      )`);
    await queryRunner.query('CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
