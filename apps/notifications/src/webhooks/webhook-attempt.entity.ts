import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One POST of a webhook delivery, as `GET /webhooks/{id}/deliveries` shows it. */
@Entity('webhook_attempt')
export class WebhookAttemptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Order of the log. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity', insert: false, update: false })
  seq!: string;

  @Column('uuid')
  deliveryId!: string;

  @Column('uuid')
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
