import { DESIGNATED_TIERS, TIER_QUOTA_PER_CYCLE, type DesignatedTier } from '@westgate/domain';

export interface TierUsage {
  used: number;
  limit: number;
  available: number;
}

/** `GET /designations/quota`: `{ cycle, BACKBONE: {used, limit}, POTENTIAL: {used, limit} }`. */
export type QuotaView = { cycle: number } & Record<DesignatedTier, TierUsage>;

/** The quota of a cycle from its counter rows; a tier without a row has used nothing of the policy's limit. */
export function quotaView(cycle: number, rows: readonly { tier: string; used: number; quotaLimit: number }[]): QuotaView {
  const usage = (tier: DesignatedTier): TierUsage => {
    const row = rows.find((candidate) => candidate.tier === tier);
    const used = row?.used ?? 0;
    const limit = row?.quotaLimit ?? TIER_QUOTA_PER_CYCLE;
    return { used, limit, available: Math.max(0, limit - used) };
  };
  const [backbone, potential] = DESIGNATED_TIERS;
  return { cycle, [backbone]: usage(backbone), [potential]: usage(potential) } as QuotaView;
}
