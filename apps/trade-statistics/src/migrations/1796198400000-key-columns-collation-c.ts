import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text columns that ingestion sorts, groups, joins or indexes on, per table. */
export const BYTE_ORDERED_COLUMNS: ReadonlyArray<readonly [table: string, columns: readonly string[]]> = [
  ['declaration', ['declaration_id', 'uscc', 'partner_country']],
  ['rollup_enterprise', ['uscc', 'partner_country']],
  ['rollup_enterprise_month', ['uscc']],
  ['rollup_org', ['tier', 'zone']],
  ['rollup_org_commodity', ['tier', 'zone']],
  ['rollup_org_partner', ['tier', 'zone', 'partner_country']],
  ['rollup_commodity_partner', ['partner_country']],
  ['rollup_partner', ['partner_country']],
  ['enterprise_tier', ['uscc', 'tier']],
  ['enterprise_projection', ['uscc', 'zone_code']],
];

/**
 * Codes and ids (USCC, declaration id, ISO country, tier, zone) compare byte by byte: collation
 * "C". They are ASCII, so nothing a user sees changes order, but PostgreSQL compares them with
 * memcmp and abbreviated sort keys instead of the database locale's strcoll, which is most of
 * the cost of the ingest transaction's index inserts and of the sorts that order every roll-up
 * upsert (rollups/rollup-cubes.ts).
 */
export class KeyColumnsCollationC1796198400000 implements MigrationInterface {
  name = 'KeyColumnsCollationC1796198400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of BYTE_ORDERED_COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE text COLLATE "C"`).join(', ')}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of BYTE_ORDERED_COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} TYPE text COLLATE "default"`).join(', ')}`);
    }
  }
}
