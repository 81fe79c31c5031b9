import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findWebhook } from './find-webhook';

/**
 * Stops a webhook. Its queued deliveries are marked failed with the reason, not dropped: a
 * delivery never disappears silently. Its log stays in the database.
 */
@Injectable()
export class DeleteWebhook {
  constructor(private readonly dataSource: DataSource) {}

  async execute(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await findWebhook(manager, id);
      await manager.query('UPDATE webhook SET active = false, deleted_at = now() WHERE id = $1', [id]);
      await manager.query(
        `UPDATE webhook_delivery SET status = 'failed', last_error = 'the webhook was deleted', next_attempt_at = NULL, updated_at = now()
         WHERE webhook_id = $1 AND status = 'queued'`,
        [id],
      );
    });
  }
}
