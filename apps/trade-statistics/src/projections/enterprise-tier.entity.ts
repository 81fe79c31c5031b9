import type { DesignatedTier } from '@westgate/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The tier an enterprise (by USCC) holds in a programme cycle; no row means NONE. */
@Entity({ name: 'enterprise_tier' })
@Check('enterprise_tier_tier_check', "tier IN ('BACKBONE', 'POTENTIAL')")
export class EnterpriseTierEntity {
  @PrimaryColumn('text')
  uscc!: string;

  @PrimaryColumn('integer')
  cycle!: number;

  @Column('text')
  tier!: DesignatedTier;
}
