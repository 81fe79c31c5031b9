import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An export-decline alert raised for an enterprise and a month; the key makes it at most one. */
@Entity({ name: 'export_decline_alert' })
export class ExportDeclineAlertEntity {
  @PrimaryColumn('uuid')
  enterpriseId!: string;

  @PrimaryColumn('integer')
  period!: number;

  @Column('text')
  uscc!: string;

  @Column('text')
  tier!: string;

  @Column('numeric', { precision: 24, scale: 2 })
  exportsUsd!: string;

  @Column('numeric', { precision: 24, scale: 2 })
  previousYearExportsUsd!: string;

  @Column('numeric', { precision: 12, scale: 4 })
  changeRatio!: string;

  @Column('uuid')
  eventId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;
}
