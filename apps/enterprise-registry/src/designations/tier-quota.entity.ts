import type { DesignatedTier } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Places used in one tier of one cycle; `used <= quotaLimit` is a table constraint. */
@Entity({ name: 'tier_quota' })
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
