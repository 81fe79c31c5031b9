import type { ApplicationStatus } from '@westgate/contracts';
import type { GrantPurpose, Money } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';

const money = { type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer } as const;

/** A support application and where it stands in the workflow. */
@Entity('applications')
export class ApplicationEntity {
  /** Insertion order, for keyset pagination. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  programmeId!: string;

  @Column('uuid')
  enterpriseId!: string;

  @Column('text')
  purpose!: GrantPurpose;

  @Column(money)
  requestedAmount!: Money;

  @Column({ ...money, nullable: true })
  approvedAmount!: Money | null;

  /** What this application holds of its programme's budget right now. */
  @Column(money)
  reservedAmount!: Money;

  @Column(money)
  disbursedAmount!: Money;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text', { nullable: true })
  tradeFair!: string | null;

  @Column('text', { array: true })
  targetMarkets!: string[];

  @Column('text')
  status!: ApplicationStatus;

  /** The officer who created it; separation of duties keeps them from deciding it. */
  @Column('text')
  submittedBy!: string;

  @Column('text', { nullable: true })
  submittedByName!: string | null;

  /** Who last sent it for review (may be another officer than the creator); also barred from deciding. */
  @Column('text', { nullable: true })
  lastSubmittedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt!: Date | null;

  @Column('text', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
