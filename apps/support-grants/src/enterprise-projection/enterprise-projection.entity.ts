import type { DesignatedTier, EnterpriseStatus } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ProjectedDesignation {
  cycle: number;
  tier: DesignatedTier;
  designatedAt: string;
}

/**
 * What support-grants knows of a registry enterprise, built from the registry's events only
 * (eligibility never calls the registry). A row changes only for a newer registry `version`.
 */
@Entity('enterprise_projection')
export class EnterpriseProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  uscc!: string;

  @Column('text')
  name!: string;

  @Column('text')
  region!: string;

  @Column('text', { nullable: true })
  zoneCode!: string | null;

  @Column('text', { array: true })
  sectors!: string[];

  @Column('text')
  contactEmail!: string;

  @Column('text')
  status!: EnterpriseStatus;

  @Column('jsonb')
  designations!: ProjectedDesignation[];

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  stateUpdatedAt!: Date;

  @Column('text')
  lastEventId!: string;

  @Column('text')
  lastEventType!: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  projectedAt!: Date;
}
