import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, DELIVERY_STATUSES, type Channel, type DeliveryStatus } from '../delivery/delivery-status';
import { LOCALES } from '../templates/locales';

/** One channel's delivery of a notice. */
export class DeliveryView {
  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status!: DeliveryStatus;

  @ApiProperty({ description: 'attempts made so far' })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String, description: 'why the last attempt failed' })
  error!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  sentAt!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when the next attempt is due (queued only)' })
  nextAttemptAt!: string | null;

  @ApiPropertyOptional({ description: 'webhook deliveries only' })
  webhookId?: string;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'a user (`sub`), `enterprise:<id>` or `role:admin`' })
  recipient!: string;

  @ApiProperty({ description: 'the CloudEvents type of the event the notice is about' })
  eventType!: string;

  @ApiProperty()
  eventId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: string;

  @ApiProperty({ description: 'the status page the notice is about' })
  link!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readAt!: string | null;

  @ApiProperty({ type: [DeliveryView] })
  deliveries!: DeliveryView[];
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] })
  items!: NotificationView[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class UnreadCountView {
  @ApiProperty()
  count!: number;
}

export class MarkedReadView {
  @ApiProperty({ description: 'notices marked read by this call' })
  marked!: number;
}
