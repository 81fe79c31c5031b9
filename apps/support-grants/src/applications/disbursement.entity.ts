import type { Money } from '@westgate/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';
import { ApplicationEntity } from './application.entity';

/** One tranche paid out of an approved application. */
@Entity('disbursements')
@Check('disbursements_amount_check', 'amount > 0')
@Index('disbursements_application', ['applicationId', 'disbursedAt'])
export class DisbursementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => ApplicationEntity, { name: 'disbursements_application_id_fkey' })
  applicationId!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })
  amount!: Money;

  @Column('text')
  reference!: string;

  @Column('text')
  disbursedBy!: string;

  @Column('timestamptz', { default: () => 'now()' })
  disbursedAt!: Date;
}
