import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import type { DeliveryStatus } from '../delivery/delivery-status';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../inbox/inbox.rules';
import { findWebhook } from './find-webhook';
import type { WebhookAttemptView } from './webhook.view';

export interface ListWebhookAttemptsCommand {
  webhookId: string;
  deliveryId?: string;
  status?: 'sent' | 'failed';
  limit?: number;
  cursor?: string;
}

interface AttemptRow {
  id: string;
  seq: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  status: 'sent' | 'failed';
  response_code: number | null;
  error: string | null;
  next_retry_at: Date | null;
  attempted_at: Date;
  duration_ms: number;
  delivery_status: DeliveryStatus;
}

/** The log of a webhook's POSTs, oldest first: each attempt with its answer, error and next retry. */
@Injectable()
export class ListWebhookAttempts {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: ListWebhookAttemptsCommand): Promise<Page<WebhookAttemptView>> {
    await findWebhook(this.dataSource, command.webhookId);
    const limit = command.limit ?? DEFAULT_PAGE_SIZE;
    const after = command.cursor === undefined ? null : decodeCursor(command.cursor);
    if (after === undefined) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Invalid request: cursor', {
        errors: [{ field: 'cursor', message: 'cursor must be a nextCursor returned by this API' }],
      });
    }
    const rows: AttemptRow[] = await this.dataSource.query(
      `SELECT a.id, a.seq, a.delivery_id, d.event_id, d.event_type, a.attempt, a.status, a.response_code, a.error,
              a.next_retry_at, a.attempted_at, a.duration_ms, d.status AS delivery_status
       FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
       WHERE a.webhook_id = $1
         AND ($2::uuid IS NULL OR a.delivery_id = $2::uuid)
         AND ($3::text IS NULL OR a.status = $3::text)
         AND ($4::bigint IS NULL OR a.seq > $4::bigint)
       ORDER BY a.seq
       LIMIT $5`,
      [command.webhookId, command.deliveryId ?? null, command.status ?? null, after, limit + 1],
    );
    return toPage(rows, limit, (row) => ({
      id: row.id,
      deliveryId: row.delivery_id,
      eventId: row.event_id,
      eventType: row.event_type,
      attempt: row.attempt,
      status: row.status,
      responseCode: row.response_code,
      error: row.error,
      nextRetryAt: row.next_retry_at ? row.next_retry_at.toISOString() : null,
      attemptedAt: row.attempted_at.toISOString(),
      durationMs: row.duration_ms,
      deliveryStatus: row.delivery_status,
    }));
  }
}
