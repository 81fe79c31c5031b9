import type { ApplicationStatus } from '@westgate/contracts';
import type { Money, Role } from '@westgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';

/** One transition of an application: the audit trail an inspector reads. Append-only. */
@Entity('application_timeline')
export class TimelineEntryEntity {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('uuid')
  applicationId!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  actor!: string;

  @Column('text', { nullable: true })
  actorName!: string | null;

  @Column('text')
  role!: Role;

  @Column('text', { nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Column('text')
  toStatus!: ApplicationStatus;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** The amount the transition moved: approved, or the tranche disbursed. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer, nullable: true })
  amount!: Money | null;
}
