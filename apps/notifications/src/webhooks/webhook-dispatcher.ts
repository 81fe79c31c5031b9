import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DataSource } from 'typeorm';
import { deliveryMetrics } from '../delivery/delivery-metrics';
import { PollingWorker } from '../delivery/polling-worker';
import { decideRetry } from '../delivery/retry.rules';
import { NotificationsConfig, webhookRetrySettings, type ChannelRetrySettings } from '../notifications.config';
import { WebhookTargetGuard } from './webhook-target.guard';
import { describeFailure, webhookHeaders } from './webhook.rules';

interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  attempts: number;
  created_at: Date;
  event_type: string;
  body: string;
  url: string;
  secret: string;
  active: boolean;
}

interface PostOutcome {
  statusCode?: number;
  error?: string;
}

/* Due deliveries of live webhooks, leased (see the e-mail dispatcher for how the lease works). */
const CLAIM_SQL = `
WITH claimed AS (
  SELECT id FROM webhook_delivery
  WHERE status = 'queued' AND next_attempt_at <= now()
  ORDER BY next_attempt_at
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
UPDATE webhook_delivery d
SET attempts = d.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond', updated_at = now()
FROM claimed, webhook w
WHERE d.id = claimed.id AND w.id = d.webhook_id
RETURNING d.id, d.webhook_id, d.attempts, d.created_at, d.event_type, d.body, w.url, w.secret, w.active`;

/**
 * POSTs queued webhook deliveries, signed, with a timeout; a 2xx answer is a success, anything else
 * (another status, a refused connection, no answer in time) a failed attempt, logged and retried
 * with exponential back-off and jitter until the attempts or the retry period are used up; then
 * the delivery is marked failed. Redirects are not followed. Unless private networks are allowed,
 * a URL whose host is or resolves to an internal address fails its attempt without a request.
 */
@Injectable()
export class WebhookDispatcher extends PollingWorker<ClaimedDelivery> implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly retry: ChannelRetrySettings;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: NotificationsConfig,
    private readonly targets: WebhookTargetGuard,
  ) {
    super('WebhookDispatcher', { intervalMs: config.DELIVERY_POLL_INTERVAL_MS, concurrency: config.DELIVERY_CONCURRENCY });
    this.retry = webhookRetrySettings(config);
    this.leaseMs = config.WEBHOOK_TIMEOUT_MS + 30_000;
  }

  onApplicationBootstrap(): void {
    if (this.config.DELIVERY_WORKER_ENABLED) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  protected claim(limit: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.query(CLAIM_SQL, [limit, this.leaseMs]).then(([rows]: [ClaimedDelivery[], number]) => rows);
  }

  protected async process(delivery: ClaimedDelivery): Promise<void> {
    if (!delivery.active) {
      // Queued while its webhook was being deleted: failed with the reason, not left waiting forever.
      await this.dataSource.query(
        `UPDATE webhook_delivery SET status = 'failed', last_error = 'the webhook was deleted', next_attempt_at = NULL, updated_at = now()
         WHERE id = $1 AND attempts = $2 AND status = 'queued'`,
        [delivery.id, delivery.attempts],
      );
      deliveryMetrics.count('webhook', 'failed');
      return;
    }
    const attemptedAt = new Date();
    const started = process.hrtime.bigint();
    const outcome = await this.post(delivery);
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const ok = outcome.error === undefined && outcome.statusCode !== undefined && outcome.statusCode >= 200 && outcome.statusCode < 300;
    deliveryMetrics.attempt('webhook', ok ? 'sent' : 'failed', durationMs / 1000);
    await this.record(delivery, outcome, ok, attemptedAt, durationMs);
  }

  /**
   * One POST with node's http client rather than fetch: its socket takes the guard's DNS lookup,
   * so the address checked is the address connected to.
   */
  private post(delivery: ClaimedDelivery): Promise<PostOutcome> {
    const timeoutMs = this.config.WEBHOOK_TIMEOUT_MS;
    const url = new URL(delivery.url);
    const refused = this.targets.literalProblem(url);
    if (refused !== undefined) return Promise.resolve({ error: refused });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(delivery.body, 'utf8');
    return new Promise((resolve) => {
      const request = send(
        url,
        {
          method: 'POST',
          headers: {
            ...webhookHeaders({ id: delivery.id, eventType: delivery.event_type, attempt: delivery.attempts, body: delivery.body, secret: delivery.secret }),
            'content-length': String(body.length),
          },
          lookup: this.targets.lookup,
          agent: false,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          resolve({ statusCode: response.statusCode });
          // The answer's body is of no interest: drop it rather than read whatever the receiver sends.
          response.destroy();
        },
      );
      request.on('error', (error) => resolve({ error: describeRequestError(error, timeoutMs) }));
      request.end(body);
    });
  }

  private async record(delivery: ClaimedDelivery, outcome: PostOutcome, ok: boolean, attemptedAt: Date, durationMs: number): Promise<void> {
    const decision = ok ? undefined : decideRetry(delivery.attempts, delivery.created_at, new Date(), this.retry, Math.random());
    const status = ok ? 'sent' : decision?.retry ? 'queued' : 'failed';
    const failure = ok ? null : describeFailure(outcome);
    const nextRetryAt = decision?.retry ? decision.nextAttemptAt : null;
    await this.dataSource.transaction(async (manager) => {
      const [updated]: [unknown[], number] = await manager.query(
        `UPDATE webhook_delivery
         SET status = $3, last_error = $4, last_status_code = $5, next_attempt_at = $6,
             sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END, updated_at = now()
         WHERE id = $1 AND attempts = $2 AND status = 'queued' RETURNING id`,
        [
          delivery.id,
          delivery.attempts,
          status,
          decision && !decision.retry ? `${failure}; ${decision.reason}` : failure,
          outcome.statusCode ?? null,
          nextRetryAt,
        ],
      );
      // Taken over after a lost lease, or its webhook was deleted meanwhile: not ours to log.
      if (updated.length === 0) return;
      await manager.query(
        `INSERT INTO webhook_attempt (id, delivery_id, webhook_id, attempt, status, response_code, error, next_retry_at, attempted_at, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [randomUUID(), delivery.id, delivery.webhook_id, delivery.attempts, ok ? 'sent' : 'failed', outcome.statusCode ?? null, failure, nextRetryAt, attemptedAt, durationMs],
      );
    });
    deliveryMetrics.count('webhook', status === 'queued' ? 'retried' : status);
    if (status === 'failed') this.logger.warn(`webhook delivery ${delivery.id} to ${delivery.url} failed for good: ${failure}; ${decision && !decision.retry ? decision.reason : ''}`);
  }

  protected async reportBacklog(): Promise<void> {
    const [row]: Array<{ n: number }> = await this.dataSource.query("SELECT count(*)::int AS n FROM webhook_delivery WHERE status = 'queued'");
    deliveryMetrics.backlog('webhook', row.n);
  }
}

/** A readable reason from the HTTP client's errors: the socket's code and message, or the timeout. */
function describeRequestError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { code?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const message = err.message || 'the request failed';
  return (err.code && !message.includes(err.code) ? `${err.code}: ${message}` : message).slice(0, 500);
}
