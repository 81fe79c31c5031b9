import { Injectable } from '@nestjs/common';
import type { CloudEvent } from '@westgate/contracts';
import type { EntityManager } from 'typeorm';
import { deliveryMetrics } from '../delivery/delivery-metrics';
import { NotificationsConfig } from '../notifications.config';
import type { NoticeRecipient } from '../recipients/recipient.rules';
import { queryPrepared } from './prepared-query';
import { renderNoticeInAllLocales, type NoticeFacts, type RenderedNotices } from './render-notice.rules';

export interface RecordNoticesCommand {
  event: Pick<CloudEvent, 'id' | 'type' | 'subject' | 'time' | 'data'>;
  facts: NoticeFacts;
  recipients: readonly NoticeRecipient[];
}

export interface RecordedNotices {
  notifications: number;
  inApp: number;
  emails: number;
  webhooks: number;
}

/*
 * One statement for the notices of many events (a consumer chunk), because this is the hot path: it
 * reads the recipients' preferences, stores one notification per recipient and event in the
 * recipient's language (at most one per recipient and event: ON CONFLICT on the unique key),
 * queues an e-mail for those who take e-mail and have an address, and queues one POST per event and
 * subscribed webhook, carrying the event's notices whose recipients allow webhooks. The text was
 * rendered beforehand in every language; the statement picks the recipient's. A recipient with
 * every channel off gets no row at all. One input row per (event, recipient), `ord` keeping order.
 */
const RECORD_NOTICES_SQL = `
WITH r AS (
  SELECT * FROM unnest(
    $1::int[], $2::text[], $3::boolean[], $4::boolean[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]
  ) AS r(ord, recipient, in_app_locked, has_default_address, event_type, event_id, subject,
         title_en, body_en, title_zh, body_zh, link, occurred_at, data)
),
p AS (
  SELECT r.*,
         COALESCE(pr.locale, 'en') AS locale,
         r.in_app_locked OR COALESCE((pr.channels -> r.event_type ->> 'inApp')::boolean, true) AS in_app,
         COALESCE((pr.channels -> r.event_type ->> 'email')::boolean, true) AND (pr.email IS NOT NULL OR r.has_default_address) AS email,
         COALESCE((pr.channels -> r.event_type ->> 'webhook')::boolean, true) AS webhook
  FROM r LEFT JOIN notification_preference pr ON pr.recipient = r.recipient
),
n AS (
  INSERT INTO notification (id, recipient, event_id, event_type, subject, title, body, link, locale, in_app)
  SELECT gen_random_uuid(), p.recipient, p.event_id, p.event_type, p.subject,
         CASE WHEN p.locale = 'zh-CN' THEN p.title_zh ELSE p.title_en END,
         CASE WHEN p.locale = 'zh-CN' THEN p.body_zh ELSE p.body_en END,
         p.link, p.locale, p.in_app
  FROM p
  WHERE p.in_app OR p.email OR p.webhook
  ORDER BY p.ord
  ON CONFLICT (recipient, event_id) DO NOTHING
  RETURNING id, recipient, event_id, title, body, link, locale, in_app, created_at
),
e AS (
  INSERT INTO email_delivery (id, notification_id, status, next_attempt_at)
  SELECT gen_random_uuid(), n.id, 'queued', now()
  FROM n JOIN p USING (recipient, event_id)
  WHERE p.email
  RETURNING 1
),
hooked AS (
  SELECT n.event_id,
         array_agg(n.id ORDER BY n.recipient) AS ids,
         jsonb_agg(jsonb_build_object(
           'id', n.id, 'recipient', n.recipient, 'title', n.title, 'body', n.body,
           'locale', n.locale, 'link', n.link, 'createdAt', n.created_at
         ) ORDER BY n.recipient) AS items
  FROM n JOIN p USING (recipient, event_id)
  WHERE p.webhook
  GROUP BY n.event_id
),
events AS (
  SELECT DISTINCT ON (event_id) event_id, event_type, subject, occurred_at, data FROM r ORDER BY event_id, ord
),
subscribed AS (
  SELECT gen_random_uuid() AS id, wh.id AS webhook_id, ev.event_id, ev.event_type, ev.subject, ev.occurred_at, ev.data,
         hooked.ids, hooked.items
  FROM hooked
  JOIN events ev USING (event_id)
  JOIN webhook wh ON wh.active AND wh.event_types @> ARRAY[ev.event_type]
),
w AS (
  INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, notification_ids, body, status, next_attempt_at)
  SELECT s.id, s.webhook_id, s.event_id, s.event_type, s.ids,
         jsonb_build_object(
           'deliveryId', s.id, 'webhookId', s.webhook_id, 'eventId', s.event_id, 'eventType', s.event_type,
           'subject', s.subject, 'occurredAt', s.occurred_at, 'data', s.data::jsonb, 'notifications', s.items
         )::text,
         'queued', now()
  FROM subscribed s
  ON CONFLICT (webhook_id, event_id) DO NOTHING
  RETURNING 1
)
SELECT (SELECT count(*) FROM n)::int AS notifications,
       (SELECT count(*) FROM n WHERE in_app)::int AS in_app,
       (SELECT count(*) FROM e)::int AS emails,
       (SELECT count(*) FROM w)::int AS webhooks`;

/** Stores the notices of one or many events, in the caller's transaction (see the statement above). */
@Injectable()
export class RecordNotices {
  constructor(private readonly config: NotificationsConfig) {}

  async execute(manager: EntityManager, commands: readonly RecordNoticesCommand[]): Promise<RecordedNotices> {
    const rows: Array<{ event: RecordNoticesCommand['event']; recipient: NoticeRecipient; rendered: RenderedNotices }> = [];
    for (const { event, facts, recipients } of commands) {
      if (recipients.length === 0) continue;
      const rendered = renderNoticeInAllLocales(facts, this.config.PUBLIC_APP_URL);
      for (const recipient of recipients) rows.push({ event, recipient, rendered });
    }
    if (rows.length === 0) return { notifications: 0, inApp: 0, emails: 0, webhooks: 0 };
    const data = new Map(commands.map(({ event }) => [event.id, JSON.stringify(event.data)]));
    const [result] = await queryPrepared<{ notifications: number; in_app: number; emails: number; webhooks: number }>(
      manager,
      'westgate_record_notices',
      RECORD_NOTICES_SQL,
      [
        rows.map((_, i) => i),
        rows.map((row) => row.recipient.recipient),
        rows.map((row) => row.recipient.inAppLocked),
        rows.map((row) => this.hasDefaultAddress(row.recipient)),
        rows.map((row) => row.event.type),
        rows.map((row) => row.event.id),
        rows.map((row) => row.event.subject),
        rows.map((row) => row.rendered.en.title),
        rows.map((row) => row.rendered.en.body),
        rows.map((row) => row.rendered['zh-CN'].title),
        rows.map((row) => row.rendered['zh-CN'].body),
        rows.map((row) => row.rendered.en.link),
        rows.map((row) => row.event.time),
        rows.map((row) => data.get(row.event.id) as string),
      ],
    );
    deliveryMetrics.count('inApp', 'sent', result.in_app);
    deliveryMetrics.count('email', 'queued', result.emails);
    deliveryMetrics.count('webhook', 'queued', result.webhooks);
    return { notifications: result.notifications, inApp: result.in_app, emails: result.emails, webhooks: result.webhooks };
  }

  /** Whom to e-mail without an address in the preferences: an enterprise's registry contact, the admins' list. */
  private hasDefaultAddress(recipient: NoticeRecipient): boolean {
    if (recipient.kind === 'enterprise') return true;
    if (recipient.kind === 'admins') return this.config.ADMIN_EMAIL.length > 0;
    return false;
  }
}
