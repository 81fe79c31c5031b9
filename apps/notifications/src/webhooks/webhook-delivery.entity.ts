import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { DeliveryStatus } from '../delivery/delivery-status';
import { WebhookEntity } from './webhook.entity';

/**
 * One event's notices POSTed to one webhook: at most one per (webhook, event). `body` is fixed
 * when it is queued, so every retry sends (and signs) the same bytes, and `id` goes out in the
 * `x-westgate-delivery-id` header for the receiver to drop repeats.
 */
@Entity('webhook_delivery')
@Check('webhook_delivery_status_check', "status IN ('queued', 'sent', 'failed')")
@Unique('webhook_delivery_once_per_event', ['webhookId', 'eventId'])
@Index('webhook_delivery_due', ['nextAttemptAt'], { where: "status = 'queued'" })
@Index('webhook_delivery_notifications', ['notificationIds'], { type: 'gin' })
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey(() => WebhookEntity, { name: 'webhook_delivery_webhook_id_fkey' })
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

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('int', { nullable: true })
  lastStatusCode!: number | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
