import type { Money } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';

/** One tranche paid out of an approved application. */
@Entity('disbursements')
export class DisbursementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  applicationId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })
  amount!: Money;

  @Column('text')
  reference!: string;

  @Column('text')
  disbursedBy!: string;

  @Column('timestamptz')
  disbursedAt!: Date;
}
