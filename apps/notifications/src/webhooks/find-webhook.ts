import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@westgate/platform';
import { IsNull, type EntityManager, type DataSource } from 'typeorm';
import { WebhookEntity } from './webhook.entity';

export function webhookNotFound(id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'WEBHOOK_NOT_FOUND', `No webhook ${id}`);
}

/** A webhook that was not deleted, or 404. */
export async function findWebhook(source: DataSource | EntityManager, id: string): Promise<WebhookEntity> {
  const webhook = await source.getRepository(WebhookEntity).findOneBy({ id, deletedAt: IsNull() });
  if (!webhook) throw webhookNotFound(id);
  return webhook;
}
