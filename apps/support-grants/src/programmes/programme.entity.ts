import type { GrantPurpose, Money, Tier } from '@westgate/domain';
import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { moneyTransformer } from '../api/money.column';

const money = { type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer } as const;

/** A support programme of one cycle and its budget: `reserved` grows at approval, `disbursed` with each tranche. */
@Entity('programmes')
@Check('programme_budget_reserved_within_total', 'budget_reserved >= 0 AND budget_reserved <= budget_total')
@Check('programme_budget_disbursed_within_reserved', 'budget_disbursed >= 0 AND budget_disbursed <= budget_reserved')
@Check('programme_window', 'opens_at < closes_at')
@Unique('programmes_seq_key', ['seq'])
@Unique('programmes_code_key', ['code'])
@Index('programmes_cycle', ['cycle', 'seq'])
export class ProgrammeEntity {
  /** Insertion order, for keyset pagination. */
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false })
  seq!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('integer')
  cycle!: number;

  @Column(money)
  budgetTotal!: Money;

  @Column({ ...money, default: 0 })
  budgetReserved!: Money;

  @Column({ ...money, default: 0 })
  budgetDisbursed!: Money;

  @Column('text', { array: true })
  eligibleTiers!: Tier[];

  @Column('text', { array: true, nullable: true })
  eligibleSectors!: string[] | null;

  @Column('text', { array: true })
  purposes!: GrantPurpose[];

  @Column(money)
  maxGrantPerEnterprise!: Money;

  @Column('timestamptz')
  opensAt!: Date;

  @Column('timestamptz')
  closesAt!: Date;

  @Column('text')
  createdBy!: string;

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
