import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When an enterprise first had a support application approved (from grants' events). */
@Entity({ name: 'enterprise_support' })
export class EnterpriseSupportEntity {
  @PrimaryColumn('uuid')
  enterpriseId!: string;

  @Column('timestamptz')
  firstApprovedAt!: Date;

  @Column('uuid')
  applicationId!: string;

  @Column('text')
  programmeCode!: string;
}
