import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from '../delivery/delivery-status';

/**
 * The e-mail of one notification. The address is resolved when it is sent (the recipient's
 * preference, else the enterprise's contact from the registry), so a notice about an enterprise
 * whose registry event has not arrived yet waits for it instead of failing.
 */
@Entity('email_delivery')
export class EmailDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  notificationId!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('int')
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

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
