import type { DesignatedTier } from '@westgate/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Places used in one tier of one cycle; `used <= quotaLimit` is a table constraint. */
@Entity({ name: 'tier_quota' })
@Check('tier_quota_tier_check', "tier IN ('BACKBONE', 'POTENTIAL')")
@Check('tier_quota_quota_limit_check', 'quota_limit >= 0')
@Check('tier_quota_check', 'used >= 0 AND used <= quota_limit')
export class TierQuotaEntity {
  @PrimaryColumn('integer')
  cycle!: number;

  @PrimaryColumn('varchar', { length: 16 })
  tier!: DesignatedTier;

  @Column('integer', { default: 0 })
  used!: number;

  @Column('integer')
  quotaLimit!: number;
}
