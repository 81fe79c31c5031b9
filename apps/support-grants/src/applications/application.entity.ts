import type { ApplicationStatus } from '@westgate/contracts';
import type { GrantPurpose, Money } from '@westgate/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { moneyTransformer } from '../api/money.column';
import { ProgrammeEntity } from '../programmes/programme.entity';

const money = { type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer } as const;

/** A support application and where it stands in the workflow. */
@Entity('applications')
// The *_check names are those PostgreSQL gave the migration's inline (unnamed) CHECKs.
@Check('applications_requested_amount_check', 'requested_amount > 0')
@Check('applications_approved_amount_check', 'approved_amount > 0')
@Check('application_disbursed_within_approved', 'disbursed_amount >= 0 AND disbursed_amount <= coalesce(approved_amount, 0)')
@Check('application_reserved_not_negative', 'reserved_amount >= 0')
@Unique('applications_seq_key', ['seq'])
@Index('applications_programme_enterprise', ['programmeId', 'enterpriseId'])
@Index('applications_enterprise', ['enterpriseId', 'seq'])
@Index('applications_status', ['status', 'seq'])
@Index('applications_submitted_by', ['submittedBy', 'seq'])
@Index('applications_programme', ['programmeId', 'seq'])
export class ApplicationEntity {
  /** Insertion order, for keyset pagination. */
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false })
  seq!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => ProgrammeEntity, { name: 'applications_programme_id_fkey' })
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
  @Column({ ...money, default: 0 })
  reservedAmount!: Money;

  @Column({ ...money, default: 0 })
  disbursedAmount!: Money;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text', { nullable: true })
  tradeFair!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
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

  @Column('integer', { default: 1 })
  version!: number;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
