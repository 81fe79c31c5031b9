import { ApiProperty } from '@nestjs/swagger';
import { DESIGNATED_TIERS, TIER_QUOTA_PER_CYCLE, type DesignatedTier } from '@westgate/domain';

export class TierUsage {
  @ApiProperty({ description: 'places taken', example: 37 })
  used!: number;

  @ApiProperty({ description: 'places in the cycle', example: 100 })
  limit!: number;

  @ApiProperty({ description: 'limit − used, never negative', example: 63 })
  available!: number;
}

/** `GET /designations/quota`: `{ cycle, BACKBONE: {used, limit}, POTENTIAL: {used, limit} }`. */
export class QuotaView implements Record<DesignatedTier, TierUsage> {
  @ApiProperty({ description: 'programme cycle (year)', example: 2025 })
  cycle!: number;

  @ApiProperty({ type: TierUsage })
  BACKBONE!: TierUsage;

  @ApiProperty({ type: TierUsage })
  POTENTIAL!: TierUsage;
}

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
