import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What this service remembers of a programme: its budget's latest state, whether it was already
 * under the alert threshold, and the state whose exhaustion (a refused approval) the admins were
 * last told of.
 */
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

  /** The budget `version` of the last refusal the admins were told of; null until then. */
  @Column('int', { nullable: true })
  exhaustionAlertedVersion!: number | null;
}
