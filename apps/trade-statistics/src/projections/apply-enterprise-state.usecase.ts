import { Injectable } from '@nestjs/common';
import type { EnterpriseStateV1 } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { moveEnterpriseContributions } from '../rollups/move-enterprise-contributions';
import { ROLLUP_DIMENSIONS_LOCK } from '../rollups/rollup-cubes';
import {
  dimensionMoves,
  dimensionsDiffer,
  tiersFromDesignations,
  UNKNOWN_ENTERPRISE,
  zoneOrNone,
  type OrgDimensions,
} from './projection.rules';

/**
 * A registry event → the enterprise projection (name, zone, status, designations) and its tier
 * per cycle. Every event carries the full state with a version; an older or repeated version is
 * ignored, so duplicates and reordering are harmless.
 *
 * When the tier of a year or the zone changes (or the enterprise is new to the registry and had
 * declarations as tier NONE), the roll-ups that store tier and zone are re-derived for that
 * enterprise. That runs under the roll-up dimensions lock taken exclusively: ingest chunks hold
 * it shared, so the move waits for the chunks in flight and the next ones wait for the move, and
 * a declaration is never counted under a tier that is no longer the projection's.
 */
@Injectable()
export class ApplyEnterpriseStateUseCase {
  async execute(manager: EntityManager, state: EnterpriseStateV1): Promise<void> {
    const [current] = (await manager.query(
      'SELECT uscc, zone_code, version FROM enterprise_projection WHERE enterprise_id = $1 FOR UPDATE',
      [state.id],
    )) as Array<{ uscc: string; zone_code: string | null; version: number }>;
    if (current && current.version >= state.version) return;

    const before: OrgDimensions = current
      ? { tiers: await this.tiersOf(manager, current.uscc), zone: zoneOrNone(current.zone_code) }
      : UNKNOWN_ENTERPRISE;
    const after: OrgDimensions = { tiers: tiersFromDesignations(state.designations), zone: zoneOrNone(state.zoneCode) };
    const affectsRollups = dimensionsDiffer(before, after);
    if (affectsRollups) await manager.query('SELECT pg_advisory_xact_lock($1)', [ROLLUP_DIMENSIONS_LOCK]);

    await manager.query(
      `INSERT INTO enterprise_projection (enterprise_id, uscc, name, name_local, region, zone_code, sectors, status, designations, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (enterprise_id) DO UPDATE SET uscc = excluded.uscc, name = excluded.name, name_local = excluded.name_local,
         region = excluded.region, zone_code = excluded.zone_code, sectors = excluded.sectors, status = excluded.status,
         designations = excluded.designations, version = excluded.version, updated_at = excluded.updated_at`,
      [
        state.id,
        state.uscc,
        state.name,
        state.nameLocal ?? null,
        state.region,
        state.zoneCode ?? null,
        state.sectors,
        state.status,
        JSON.stringify(state.designations.map(({ cycle, tier, designatedAt }) => ({ cycle, tier, designatedAt }))),
        state.version,
        state.updatedAt,
      ],
    );
    if (!affectsRollups) return;

    const tiers = [...after.tiers.entries()];
    await manager.query('DELETE FROM enterprise_tier WHERE uscc = $1', [state.uscc]);
    if (tiers.length > 0) {
      await manager.query('INSERT INTO enterprise_tier (uscc, cycle, tier) SELECT $1, c, t FROM unnest($2::integer[], $3::text[]) AS x(c, t)', [
        state.uscc,
        tiers.map(([cycle]) => cycle),
        tiers.map(([, tier]) => tier),
      ]);
    }
    const years = (
      (await manager.query('SELECT DISTINCT period / 100 AS year FROM rollup_enterprise_month WHERE uscc = $1', [state.uscc])) as Array<{
        year: number;
      }>
    ).map((row) => Number(row.year));
    await moveEnterpriseContributions(manager, state.uscc, dimensionMoves(before, after, years));
  }

  private async tiersOf(manager: EntityManager, uscc: string): Promise<OrgDimensions['tiers']> {
    const rows = (await manager.query('SELECT cycle, tier FROM enterprise_tier WHERE uscc = $1', [uscc])) as Array<{ cycle: number; tier: string }>;
    return tiersFromDesignations(rows);
  }
}
