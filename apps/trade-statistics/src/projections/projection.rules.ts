import { isDesignatedTier, type DesignatedTier } from '@westgate/domain';
import { NO_TIER, NO_ZONE } from '../rollups/dimensions.rules';

/** Tier per cycle (year) of one enterprise; a year not listed is NONE. */
export type TierByCycle = ReadonlyMap<number, DesignatedTier>;

/** What the registry says about the tier and zone of an enterprise, as the roll-ups store them. */
export interface OrgDimensions {
  tiers: TierByCycle;
  /** Zone code, or NONE. */
  zone: string;
}

/** One year of an enterprise's declarations to move from one (tier, zone) to another in the roll-ups. */
export interface DimensionMove {
  year: number;
  fromTier: string;
  fromZone: string;
  toTier: string;
  toZone: string;
}

export function tiersFromDesignations(designations: ReadonlyArray<{ cycle: number; tier: string }>): Map<number, DesignatedTier> {
  const tiers = new Map<number, DesignatedTier>();
  for (const { cycle, tier } of designations) if (isDesignatedTier(tier)) tiers.set(cycle, tier);
  return tiers;
}

export function zoneOrNone(zoneCode: string | null | undefined): string {
  return zoneCode && zoneCode.length > 0 ? zoneCode : NO_ZONE;
}

function tierIn(tiers: TierByCycle, year: number): string {
  return tiers.get(year) ?? NO_TIER;
}

/**
 * Which years of an enterprise's declarations change (tier, zone) between two registry states:
 * a zone change moves every year it has declarations in; a tier change moves that cycle's year.
 * An enterprise first seen in the registry moves from (NONE, NONE), how it counted until then.
 */
export function dimensionMoves(before: OrgDimensions, after: OrgDimensions, yearsWithData: readonly number[]): DimensionMove[] {
  const years = new Set<number>();
  if (before.zone !== after.zone) yearsWithData.forEach((year) => years.add(year));
  for (const year of new Set([...before.tiers.keys(), ...after.tiers.keys()])) {
    if (tierIn(before.tiers, year) !== tierIn(after.tiers, year) && yearsWithData.includes(year)) years.add(year);
  }
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      fromTier: tierIn(before.tiers, year),
      fromZone: before.zone,
      toTier: tierIn(after.tiers, year),
      toZone: after.zone,
    }));
}

/** Whether the roll-ups are affected at all (cheap check before taking the dimensions lock). */
export function dimensionsDiffer(before: OrgDimensions, after: OrgDimensions): boolean {
  if (before.zone !== after.zone) return true;
  const years = new Set([...before.tiers.keys(), ...after.tiers.keys()]);
  return [...years].some((year) => tierIn(before.tiers, year) !== tierIn(after.tiers, year));
}

export const UNKNOWN_ENTERPRISE: OrgDimensions = { tiers: new Map(), zone: NO_ZONE };
