import { Module } from '@nestjs/common';
import { DeleteWebhook } from './delete-webhook.usecase';
import { GetWebhook } from './get-webhook.usecase';
import { ListWebhookAttempts } from './list-webhook-attempts.usecase';
import { ListWebhooks } from './list-webhooks.usecase';
import { RegisterWebhook } from './register-webhook.usecase';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookTargetGuard } from './webhook-target.guard';
import { WebhooksController } from './webhooks.controller';

/** Admins' webhooks, and the worker that POSTs their deliveries. */
@Module({
  controllers: [WebhooksController],
  providers: [RegisterWebhook, ListWebhooks, GetWebhook, DeleteWebhook, ListWebhookAttempts, WebhookTargetGuard, WebhookDispatcher],
})
export class WebhooksModule {}
