import type { EnterpriseStatus } from '@westgate/domain';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** What this service knows of a registry enterprise: its latest state (by `version`). */
@Entity({ name: 'enterprise_projection' })
@Unique('enterprise_projection_uscc_key', ['uscc'])
export class EnterpriseProjectionEntity {
  @PrimaryColumn('uuid')
  enterpriseId!: string;

  // Codes compare byte by byte (collation "C"): migrations/1796198400000-key-columns-collation-c.ts.
  @Column({ type: 'text', collation: 'C' })
  uscc!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  nameLocal!: string | null;

  @Column('text')
  region!: string;

  @Column({ type: 'text', nullable: true, collation: 'C' })
  zoneCode!: string | null;

  @Column('text', { array: true })
  sectors!: string[];

  @Column('text')
  status!: EnterpriseStatus;

  @Column('jsonb')
  designations!: Array<{ cycle: number; tier: string; designatedAt: string }>;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
