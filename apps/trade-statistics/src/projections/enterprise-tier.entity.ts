import type { DesignatedTier } from '@westgate/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The tier an enterprise (by USCC) holds in a programme cycle; no row means NONE. */
@Entity({ name: 'enterprise_tier' })
@Check('enterprise_tier_tier_check', "tier IN ('BACKBONE', 'POTENTIAL')")
export class EnterpriseTierEntity {
  // Codes compare byte by byte (collation "C"): migrations/1796198400000-key-columns-collation-c.ts.
  @PrimaryColumn({ type: 'text', collation: 'C' })
  uscc!: string;

  @PrimaryColumn('integer')
  cycle!: number;

  @Column({ type: 'text', collation: 'C' })
  tier!: DesignatedTier;
}
