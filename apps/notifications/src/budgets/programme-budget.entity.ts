import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What this service remembers of a programme: whether its budget was already under the alert threshold. */
@Entity('programme_budget')
export class ProgrammeBudgetEntity {
  @PrimaryColumn('uuid')
  programmeId!: string;

  @Column('numeric', { precision: 18, scale: 2 })
  total!: string;

  @Column('numeric', { precision: 18, scale: 2 })
  available!: string;

  @Column('boolean')
  belowThreshold!: boolean;

  @Column('int')
  version!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
