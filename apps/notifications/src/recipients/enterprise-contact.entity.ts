import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Designation } from './designation.rules';

/**
 * This service's projection of the registry: whom to e-mail for `enterprise:<id>`, its name for
 * notices, and its designations (to tell which one a designation event is about).
 */
@Entity('enterprise_contact')
export class EnterpriseContactEntity {
  @PrimaryColumn('uuid')
  enterpriseId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  contactEmail!: string;

  @Column('text')
  status!: string;

  @Column('jsonb', { default: () => "'[]'" })
  designations!: Designation[];

  /** The registry's version of the state: an older one arriving late is ignored. */
  @Column('int')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
