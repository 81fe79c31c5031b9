import type { GrantPurpose, Money, Tier } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';

const money = { type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer } as const;

/** A support programme of one cycle and its budget: `reserved` grows at approval, `disbursed` with each tranche. */
@Entity('programmes')
export class ProgrammeEntity {
  /** Insertion order, for keyset pagination. */
  @Column({ type: 'bigint', insert: false, update: false })
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

  @Column(money)
  budgetReserved!: Money;

  @Column(money)
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

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
