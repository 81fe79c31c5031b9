import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';

/** One POST of a webhook delivery, as `GET /webhooks/{id}/deliveries` shows it. */
@Entity('webhook_attempt')
@Check('webhook_attempt_status_check', "status IN ('sent', 'failed')")
@Unique('webhook_attempt_seq_key', ['seq'])
@Index('webhook_attempt_log', ['webhookId', 'seq'])
export class WebhookAttemptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Order of the log. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity', insert: false, update: false })
  seq!: string;

  @Column('uuid')
  @ForeignKey(() => WebhookDeliveryEntity, { name: 'webhook_attempt_delivery_id_fkey', onDelete: 'CASCADE' })
  deliveryId!: string;

  @Column('uuid')
  @ForeignKey(() => WebhookEntity, { name: 'webhook_attempt_webhook_id_fkey' })
  webhookId!: string;

  /** 1 for the first POST of the delivery. */
  @Column('int')
  attempt!: number;

  /** `sent` (a 2xx answer) or `failed`. */
  @Column('text')
  status!: 'sent' | 'failed';

  @Column('int', { nullable: true })
  responseCode!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  /** When the next attempt is due; null after a success or the last attempt. */
  @Column('timestamptz', { nullable: true })
  nextRetryAt!: Date | null;

  @Column('timestamptz')
  attemptedAt!: Date;

  @Column('int')
  durationMs!: number;
}
