import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus } from '../delivery/delivery-status';

/**
 * One event's notices POSTed to one webhook: at most one per (webhook, event). `body` is fixed
 * when it is queued, so every retry sends (and signs) the same bytes, and `id` goes out in the
 * `x-westgate-delivery-id` header for the receiver to drop repeats.
 */
@Entity('webhook_delivery')
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  webhookId!: string;

  @Column('text')
  eventId!: string;

  @Column('text')
  eventType!: string;

  /** The notifications this POST carries (those whose recipients allow webhooks). */
  @Column('uuid', { array: true })
  notificationIds!: string[];

  @Column('text')
  body!: string;

  @Column('text')
  status!: DeliveryStatus;

  @Column('int')
  attempts!: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('int', { nullable: true })
  lastStatusCode!: number | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
