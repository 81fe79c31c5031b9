import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { NotificationEntity } from '../inbox/notification.entity';
import type { DeliveryStatus } from '../delivery/delivery-status';

/**
 * The e-mail of one notification. The address is resolved when it is sent (the recipient's
 * preference, else the enterprise's contact from the registry), so a notice about an enterprise
 * whose registry event has not arrived yet waits for it instead of failing.
 */
@Entity('email_delivery')
@Check('email_delivery_status_check', "status IN ('queued', 'sent', 'failed')")
@Unique('email_delivery_notification_id_key', ['notificationId'])
@Index('email_delivery_due', ['nextAttemptAt'], { where: "status = 'queued'" })
export class EmailDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => NotificationEntity, { name: 'email_delivery_notification_id_fkey', onDelete: 'CASCADE' })
  notificationId!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  /** When a worker may next take it (while queued; also the lease of the worker sending it). */
  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { nullable: true })
  messageId!: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
