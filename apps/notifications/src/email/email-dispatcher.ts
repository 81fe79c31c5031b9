import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deliveryMetrics } from '../delivery/delivery-metrics';
import { PollingWorker } from '../delivery/polling-worker';
import { decideRetry } from '../delivery/retry.rules';
import { emailRetrySettings, NotificationsConfig, type ChannelRetrySettings } from '../notifications.config';
import { joinUrl } from '../templates/template.rules';
import { composeEmail, resolveEmailAddress } from './email.rules';
import { MailTransport } from './mail-transport';

interface ClaimedEmail {
  id: string;
  attempts: number;
  created_at: Date;
  notification_id: string;
  recipient: string;
  event_type: string;
  title: string;
  body: string;
  link: string;
  locale: string;
  preferred_email: string | null;
  contact_email: string | null;
}

/*
 * Due e-mails, leased: the rows are locked only for this statement (SKIP LOCKED: replicas take
 * different rows), and their next_attempt_at moves past the lease so that nobody else takes them
 * while this worker talks to the SMTP server; a worker that dies mid-way loses its lease, and the
 * e-mail is taken again afterwards. The address is resolved now, not when the notice was made.
 */
const CLAIM_SQL = `
WITH claimed AS (
  SELECT id FROM email_delivery
  WHERE status = 'queued' AND next_attempt_at <= now()
  ORDER BY next_attempt_at
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
UPDATE email_delivery d
SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond', updated_at = now()
FROM claimed, notification n
LEFT JOIN notification_preference p ON p.recipient = n.recipient
LEFT JOIN enterprise_contact c ON c.enterprise_id =
  CASE WHEN n.recipient ~ '^enterprise:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       THEN substring(n.recipient FROM 12)::uuid END
WHERE d.id = claimed.id AND n.id = d.notification_id
RETURNING d.id, d.attempts, d.created_at, n.id AS notification_id, n.recipient, n.event_type, n.title, n.body, n.link, n.locale,
          p.email AS preferred_email, c.contact_email`;

/** Sends queued e-mails through SMTP, outside any consumer transaction, with bounded retries. */
@Injectable()
export class EmailDispatcher extends PollingWorker<ClaimedEmail> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly retry: ChannelRetrySettings;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly config: NotificationsConfig,
  ) {
    super('EmailDispatcher', { intervalMs: config.DELIVERY_POLL_INTERVAL_MS, concurrency: config.DELIVERY_CONCURRENCY });
    this.retry = emailRetrySettings(config);
    // Connection, greeting and the message itself each have the timeout; then a margin.
    this.leaseMs = 3 * config.EMAIL_TIMEOUT_MS + 30_000;
  }

  onApplicationBootstrap(): void {
    if (this.config.DELIVERY_WORKER_ENABLED) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  protected claim(limit: number): Promise<ClaimedEmail[]> {
    return this.dataSource.query(CLAIM_SQL, [limit, this.leaseMs]).then(([rows]: [ClaimedEmail[], number]) => rows);
  }

  protected async process(email: ClaimedEmail): Promise<void> {
    const started = process.hrtime.bigint();
    const address = resolveEmailAddress(email.recipient, email.preferred_email, email.contact_email, this.config.ADMIN_EMAIL);
    let messageId: string | undefined;
    let error: string | undefined;
    if (address === undefined) {
      error = `no e-mail address is known for ${email.recipient} (yet)`;
    } else {
      const content = composeEmail(email, joinUrl(this.config.PUBLIC_APP_URL, '/preferences'));
      try {
        messageId = await this.mail.send({
          to: address,
          ...content,
          messageId: `<${email.notification_id}@westgate.notifications>`,
          headers: {
            'X-Westgate-Notification-Id': email.notification_id,
            'X-Westgate-Event-Type': email.event_type,
            'Auto-Submitted': 'auto-generated',
          },
        });
      } catch (sendError) {
        error = (sendError as Error).message.slice(0, 1000) || 'the SMTP server refused the message';
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    deliveryMetrics.attempt('email', error === undefined ? 'sent' : 'failed', seconds);
    await this.record(email, address ?? null, messageId, error);
  }

  private async record(email: ClaimedEmail, address: string | null, messageId: string | undefined, error: string | undefined): Promise<void> {
    if (error === undefined) {
      await this.dataSource.query(
        `UPDATE email_delivery SET status = 'sent', sent_at = now(), address = $3, message_id = $4, last_error = NULL,
                next_attempt_at = NULL, updated_at = now()
         WHERE id = $1 AND attempts = $2 AND status = 'queued'`,
        [email.id, email.attempts, address, messageId ?? null],
      );
      deliveryMetrics.count('email', 'sent');
      return;
    }
    const decision = decideRetry(email.attempts, email.created_at, new Date(), this.retry, Math.random());
    await this.dataSource.query(
      `UPDATE email_delivery SET status = $3, last_error = $4, address = $5, next_attempt_at = $6, updated_at = now()
       WHERE id = $1 AND attempts = $2 AND status = 'queued'`,
      [
        email.id,
        email.attempts,
        decision.retry ? 'queued' : 'failed',
        decision.retry ? error : `${error}; ${decision.reason}`,
        address,
        decision.retry ? decision.nextAttemptAt : null,
      ],
    );
    deliveryMetrics.count('email', decision.retry ? 'retried' : 'failed');
    if (!decision.retry) this.logger.warn(`e-mail ${email.id} to ${email.recipient} failed for good: ${error}; ${decision.reason}`);
  }

  protected async reportBacklog(): Promise<void> {
    const [row]: Array<{ n: number }> = await this.dataSource.query("SELECT count(*)::int AS n FROM email_delivery WHERE status = 'queued'");
    deliveryMetrics.backlog('email', row.n);
  }
}
