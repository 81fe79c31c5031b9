import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { validationProblem } from '@westgate/platform';
import { DataSource } from 'typeorm';
import type { RegisterWebhookDto } from './dto/register-webhook.dto';
import { WebhookTargetGuard } from './webhook-target.guard';
import { WebhookEntity } from './webhook.entity';
import { webhookView, type WebhookView } from './webhook.view';

/** An admin subscribes a URL to the notices of some event types; from now on they are POSTed there. */
@Injectable()
export class RegisterWebhook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: WebhookTargetGuard,
  ) {}

  async execute(dto: RegisterWebhookDto, actor: string): Promise<WebhookView> {
    const refused = await this.targets.registrationProblem(dto.url);
    if (refused !== undefined) throw validationProblem([{ field: 'url', message: `url must not point into a private network: ${refused}` }]);
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
