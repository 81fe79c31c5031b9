import type { ApplicationStatus } from '@westgate/contracts';
import type { Money, Role } from '@westgate/domain';
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { moneyTransformer } from '../api/money.column';
import { ApplicationEntity } from './application.entity';

/** One transition of an application: the audit trail an inspector reads. Append-only. */
@Entity('application_timeline')
@Index('application_timeline_application', ['applicationId', 'seq'])
export class TimelineEntryEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', insert: false, update: false })
  seq!: string;

  @Column('uuid')
  @ForeignKey(() => ApplicationEntity, { name: 'application_timeline_application_id_fkey' })
  applicationId!: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
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
