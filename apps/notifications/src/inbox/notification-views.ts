import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryStatus } from '../delivery/delivery-status';
import type { DeliveryView, NotificationView } from './notification.view';

export interface NotificationRow {
  id: string;
  seq: string;
  recipient: string;
  event_id: string;
  event_type: string;
  title: string;
  body: string;
  link: string;
  locale: string;
  in_app: boolean;
  created_at: Date;
  read_at: Date | null;
}

export const NOTIFICATION_COLUMNS = 'id, seq, recipient, event_id, event_type, title, body, link, locale, in_app, created_at, read_at';

interface ChannelRow {
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  next_attempt_at: Date | null;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function deliveryView(channel: 'email' | 'webhook', row: ChannelRow, webhookId?: string): DeliveryView {
  return {
    channel,
    status: row.status,
    attempts: row.attempts,
    error: row.last_error,
    sentAt: iso(row.sent_at),
    nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null,
    ...(webhookId ? { webhookId } : {}),
  };
}

/** Notifications as the API shows them, with their deliveries per channel (two queries per page). */
@Injectable()
export class NotificationViews {
  constructor(private readonly dataSource: DataSource) {}

  async toViews(rows: readonly NotificationRow[]): Promise<NotificationView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [emails, webhooks]: [Array<ChannelRow & { notification_id: string }>, Array<ChannelRow & { webhook_id: string; notification_ids: string[] }>] =
      await Promise.all([
        this.dataSource.query(
          'SELECT notification_id, status, attempts, last_error, sent_at, next_attempt_at FROM email_delivery WHERE notification_id = ANY($1::uuid[])',
          [ids],
        ),
        this.dataSource.query(
          `SELECT webhook_id, notification_ids, status, attempts, last_error, sent_at, next_attempt_at
           FROM webhook_delivery WHERE notification_ids && $1::uuid[] ORDER BY created_at`,
          [ids],
        ),
      ]);
    return rows.map((row) => {
      const deliveries: DeliveryView[] = [];
      if (row.in_app) {
        deliveries.push({ channel: 'inApp', status: 'sent', attempts: 1, error: null, sentAt: row.created_at.toISOString(), nextAttemptAt: null });
      }
      for (const email of emails) if (email.notification_id === row.id) deliveries.push(deliveryView('email', email));
      for (const hook of webhooks) if (hook.notification_ids.includes(row.id)) deliveries.push(deliveryView('webhook', hook, hook.webhook_id));
      return {
        id: row.id,
        recipient: row.recipient,
        eventType: row.event_type,
        eventId: row.event_id,
        title: row.title,
        body: row.body,
        locale: row.locale,
        link: row.link,
        createdAt: row.created_at.toISOString(),
        readAt: iso(row.read_at),
        deliveries,
      };
    });
  }
}
