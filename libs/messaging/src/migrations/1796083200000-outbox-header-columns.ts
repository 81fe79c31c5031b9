import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids the relay puts in each message's headers get columns of their own: reading them out
 * of the `json` payload made PostgreSQL parse every event twice per publish, which cost more
 * than all the relay's other work together. Rows written before this migration have NULLs and
 * are read from their payload (the relay's COALESCE).
 */
export class OutboxHeaderColumns1796083200000 implements MigrationInterface {
  name = 'OutboxHeaderColumns1796083200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox ADD COLUMN correlation_id text, ADD COLUMN causation_id text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox DROP COLUMN causation_id, DROP COLUMN correlation_id');
  }
}
