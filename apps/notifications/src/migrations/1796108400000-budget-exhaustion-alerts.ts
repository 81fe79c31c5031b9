import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The budget state (programme `version`) whose exhaustion the admins were last told of: refusals
 * of approvals while the budget stays at that version make no second notice. NULL: never told.
 */
export class BudgetExhaustionAlerts1796108400000 implements MigrationInterface {
  name = 'BudgetExhaustionAlerts1796108400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE programme_budget ADD COLUMN exhaustion_alerted_version int');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE programme_budget DROP COLUMN exhaustion_alerted_version');
  }
}
