import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findWebhook } from './find-webhook';
import { webhookView, type WebhookView } from './webhook.view';

@Injectable()
export class GetWebhook {
  constructor(private readonly dataSource: DataSource) {}

  async execute(id: string): Promise<WebhookView> {
    return webhookView(await findWebhook(this.dataSource, id));
  }
}
