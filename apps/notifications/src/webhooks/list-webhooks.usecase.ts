import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookEntity } from './webhook.entity';
import { webhookView, type WebhookListView } from './webhook.view';

/** Every webhook not deleted, oldest first (admins register a handful, not thousands). */
@Injectable()
export class ListWebhooks {
  constructor(private readonly dataSource: DataSource) {}

  async execute(limit: number, afterId?: string): Promise<WebhookListView> {
    const query = this.dataSource
      .getRepository(WebhookEntity)
      .createQueryBuilder('w')
      .where('w.deleted_at IS NULL')
      .orderBy('w.created_at', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(limit + 1);
    if (afterId) {
      query.andWhere('(w.created_at, w.id) > (SELECT created_at, id FROM webhook WHERE id = :afterId)', { afterId });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(webhookView), nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
