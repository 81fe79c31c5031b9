import type { EntityManager } from 'typeorm';
import type { DimensionMove } from '../projections/projection.rules';
import { ORG_CUBES, upsertFrom } from './rollup-cubes';

/**
 * Moves an enterprise's declarations of the given years from one (tier, zone) to another in the
 * cubes that store tier and zone, reading its exact share from `rollup_enterprise` (which has
 * every other dimension): subtract from the old rows, add to the new, drop rows left empty.
 * Must run under the exclusive roll-up dimensions lock, so that no ingest chunk is in flight.
 */
export async function moveEnterpriseContributions(manager: EntityManager, uscc: string, moves: readonly DimensionMove[]): Promise<void> {
  if (moves.length === 0) return;
  const params = [
    uscc,
    moves.map((m) => m.year),
    moves.map((m) => m.fromTier),
    moves.map((m) => m.fromZone),
    moves.map((m) => m.toTier),
    moves.map((m) => m.toZone),
  ];
  const source = `
    WITH src AS (
      SELECT r.period, r.flow, r.hs_chapter, r.category_mask, r.partner_country, r.value_usd, r.declarations,
             m.from_tier, m.from_zone, m.to_tier, m.to_zone
      FROM rollup_enterprise r
      JOIN unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[]) AS m(year, from_tier, from_zone, to_tier, to_zone)
        ON r.period / 100 = m.year
      WHERE r.uscc = $1
    ), delta AS (
      SELECT period, flow, hs_chapter, category_mask, partner_country, from_tier AS tier, from_zone AS zone,
             -value_usd AS value_usd, -declarations AS declarations FROM src
      UNION ALL
      SELECT period, flow, hs_chapter, category_mask, partner_country, to_tier, to_zone, value_usd, declarations FROM src
    )`;
  const firstPeriod = Math.min(...moves.map((m) => m.year)) * 100 + 1;
  const lastPeriod = Math.max(...moves.map((m) => m.year)) * 100 + 12;
  for (const cube of ORG_CUBES) {
    await manager.query(`${source} ${upsertFrom(cube, 'delta')}`, params);
    await manager.query(`DELETE FROM ${cube.table} WHERE declarations = 0 AND period BETWEEN $1 AND $2`, [firstPeriod, lastPeriod]);
  }
}
