import type { DesignatedTier } from '@westgate/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';

/**
 * An enterprise's tier in one programme cycle. Revoking keeps the row (who, when, why); at most
 * one live (unrevoked) row per enterprise and cycle, by a partial unique index.
 */
@Entity({ name: 'tier_designation' })
@Check('tier_designation_cycle_check', 'cycle BETWEEN 2000 AND 2100')
@Check('tier_designation_tier_check', "tier IN ('BACKBONE', 'POTENTIAL')")
@Check('tier_designation_check', '(revoked_at IS NULL) = (revoked_by IS NULL) AND (revoked_at IS NULL) = (revocation_reason IS NULL)')
@Index('tier_designation_live', ['enterpriseId', 'cycle'], { unique: true, where: 'revoked_at IS NULL' })
@Index('tier_designation_live_by_tier', ['cycle', 'tier', 'enterpriseId'], { where: 'revoked_at IS NULL' })
export class TierDesignationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => EnterpriseEntity, { name: 'tier_designation_enterprise_id_fkey' })
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
