import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../delivery/delivery-status';
import type { WebhookEntity } from './webhook.entity';

/** A webhook as admins see it: never its secret. */
export class WebhookView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty({ type: [String] })
  eventTypes!: string[];

  @ApiProperty({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export function webhookView(webhook: WebhookEntity): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    eventTypes: webhook.eventTypes,
    description: webhook.description,
    active: webhook.active,
    createdBy: webhook.createdBy,
    createdAt: webhook.createdAt.toISOString(),
  };
}

export class WebhookListView {
  @ApiProperty({ type: [WebhookView] })
  items!: WebhookView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

/** One POST of a delivery: the log of `GET /webhooks/{id}/deliveries`, oldest first. */
export class WebhookAttemptView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the delivery (also the x-westgate-delivery-id header)' })
  deliveryId!: string;

  @ApiProperty()
  eventId!: string;

  @ApiProperty()
  eventType!: string;

  @ApiProperty({ description: '1 for the first POST of the delivery' })
  attempt!: number;

  @ApiProperty({ enum: ['sent', 'failed'], description: 'sent: the receiver answered 2xx' })
  status!: 'sent' | 'failed';

  @ApiProperty({ nullable: true, type: Number })
  responseCode!: number | null;

  @ApiProperty({ nullable: true, type: String })
  error!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it is tried again; null when done or given up' })
  nextRetryAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty()
  durationMs!: number;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'where the delivery stands now' })
  deliveryStatus!: DeliveryStatus;
}

export class WebhookAttemptPage {
  @ApiProperty({ type: [WebhookAttemptView] })
  items!: WebhookAttemptView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
