import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RegisterWebhookDto } from './dto/register-webhook.dto';
import { WebhookEntity } from './webhook.entity';
import { webhookView, type WebhookView } from './webhook.view';

/** An admin subscribes a URL to the notices of some event types; from now on they are POSTed there. */
@Injectable()
export class RegisterWebhook {
  constructor(private readonly dataSource: DataSource) {}

  async execute(dto: RegisterWebhookDto, actor: string): Promise<WebhookView> {
    const webhook = this.dataSource.getRepository(WebhookEntity).create({
      id: randomUUID(),
      url: dto.url,
      eventTypes: [...new Set(dto.eventTypes)],
      secret: dto.secret,
      description: dto.description ?? null,
      active: true,
      createdBy: actor,
      createdAt: new Date(),
      deletedAt: null,
    });
    await this.dataSource.getRepository(WebhookEntity).insert(webhook);
    return webhookView(webhook);
  }
}
