import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A closed statistical month (YYYYMM): its export-decline alerts were raised when it closed. */
@Entity({ name: 'period_close' })
export class PeriodCloseEntity {
  @PrimaryColumn('integer')
  period!: number;

  @Column('timestamptz', { default: () => 'now()' })
  closedAt!: Date;

  @Column('text')
  closedBy!: string;

  @Column('boolean')
  automatic!: boolean;

  @Column('integer', { default: 0 })
  alerts!: number;
}
