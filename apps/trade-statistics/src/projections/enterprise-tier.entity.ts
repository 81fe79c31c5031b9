import type { DesignatedTier } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The tier an enterprise (by USCC) holds in a programme cycle; no row means NONE. */
@Entity({ name: 'enterprise_tier' })
export class EnterpriseTierEntity {
  @PrimaryColumn('text')
  uscc!: string;

  @PrimaryColumn('integer')
  cycle!: number;

  @Column('text')
  tier!: DesignatedTier;
}
