/** Designation of an enterprise for a programme cycle (a year); NONE when it has none. */
export const TIERS = ['BACKBONE', 'POTENTIAL', 'NONE'] as const;
export type Tier = (typeof TIERS)[number];

/** The tiers an admin designates; NONE is the absence of a designation. */
export const DESIGNATED_TIERS = ['BACKBONE', 'POTENTIAL'] as const satisfies readonly Tier[];
export type DesignatedTier = (typeof DESIGNATED_TIERS)[number];

/** Policy: support 100 backbone enterprises and foster 100 with potential, per cycle and per tier. */
export const TIER_QUOTA_PER_CYCLE = 100;

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export function isDesignatedTier(value: unknown): value is DesignatedTier {
  return typeof value === 'string' && (DESIGNATED_TIERS as readonly string[]).includes(value);
}
