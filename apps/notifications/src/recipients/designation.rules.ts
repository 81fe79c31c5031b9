import type { DesignatedTier } from '@westgate/domain';

export interface Designation {
  cycle: number;
  tier: DesignatedTier;
  designatedAt?: string;
}

const key = (d: Designation): string => `${d.cycle}:${d.tier}`;

/**
 * Which designation a registry event is about. The events carry the enterprise's whole state, so
 * the change is the difference with the state this service saw before: the designation added
 * (designated) or removed (revoked). Without a previous state, a designation event names the most
 * recently designated one, and a revocation is known only as "a designation was revoked".
 */
export function changedDesignation(
  change: 'granted' | 'revoked',
  before: readonly Designation[] | undefined,
  after: readonly Designation[],
): Designation | undefined {
  if (change === 'granted') {
    const known = new Set((before ?? []).map(key));
    const added = after.filter((d) => !known.has(key(d)));
    const candidates = added.length > 0 ? added : before === undefined ? [...after] : [];
    return [...candidates].sort(byNewest)[0];
  }
  if (before === undefined) return undefined;
  const still = new Set(after.map(key));
  return [...before.filter((d) => !still.has(key(d)))].sort(byNewest)[0];
}

function byNewest(a: Designation, b: Designation): number {
  return (b.designatedAt ?? '').localeCompare(a.designatedAt ?? '') || b.cycle - a.cycle;
}
