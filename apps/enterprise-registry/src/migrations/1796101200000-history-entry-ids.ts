import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History entries get a UUID of their own, since the API's ids are UUIDs; the sequence stays the
 * primary key, for ordering and paging. Existing entries get one too (the table is rewritten).
 */
export class HistoryEntryIds1796101200000 implements MigrationInterface {
  name = 'HistoryEntryIds1796101200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enterprise_history ADD COLUMN entry_id uuid NOT NULL DEFAULT gen_random_uuid()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE enterprise_history DROP COLUMN entry_id');
  }
}
