import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One notice to one recipient about one event: at most one per (recipient, event), however often
 * the event is delivered. `inApp` false means the recipient switched the inbox off for this event
 * type: the row exists only to carry its e-mail and webhook deliveries.
 */
@Entity('notification')
@Unique('notification_seq_key', ['seq'])
@Unique('notification_once_per_recipient', ['recipient', 'eventId'])
// On (recipient, seq DESC) WHERE in_app [AND read_at IS NULL]: TypeORM cannot describe a descending column.
@Index('notification_inbox', { synchronize: false })
@Index('notification_unread', { synchronize: false })
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Insertion order: the inbox's sort key and cursor. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity', insert: false, update: false })
  seq!: string;

  @Column('text')
  recipient!: string;

  @Column('text')
  eventId!: string;

  @Column('text')
  eventType!: string;

  /** The aggregate the event is about (application, enterprise, programme id). */
  @Column('text')
  subject!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text')
  link!: string;

  @Column('text')
  locale!: string;

  @Column('boolean')
  inApp!: boolean;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;
}
