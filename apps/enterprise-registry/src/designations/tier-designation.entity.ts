import type { DesignatedTier } from '@westgate/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An enterprise's tier in one programme cycle. Revoking keeps the row (who, when, why); at most
 * one live (unrevoked) row per enterprise and cycle, by a partial unique index.
 */
@Entity({ name: 'tier_designation' })
export class TierDesignationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  enterpriseId!: string;

  @Column('integer')
  cycle!: number;

  @Column('varchar', { length: 16 })
  tier!: DesignatedTier;

  @Column('varchar', { length: 1000 })
  reason!: string;

  @Column('timestamptz', { default: () => 'now()' })
  designatedAt!: Date;

  @Column('text')
  designatedBy!: string;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokedBy!: string | null;

  @Column('varchar', { length: 1000, nullable: true })
  revocationReason!: string | null;
}
