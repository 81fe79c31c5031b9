import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replayed response is the first response byte for byte: the body is kept as the text that
 * was sent, where `jsonb` had reordered its keys (and dropped duplicate ones and whitespace).
 * Bodies remembered before this migration keep jsonb's order.
 */
export class IdempotencyBodyText1796112000000 implements MigrationInterface {
  name = 'IdempotencyBodyText1796112000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE text USING response_body::text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys ALTER COLUMN response_body TYPE jsonb USING response_body::jsonb');
  }
}
