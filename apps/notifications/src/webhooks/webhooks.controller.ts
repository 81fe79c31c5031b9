import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { DEFAULT_PAGE_SIZE } from '../inbox/inbox.rules';
import { DeleteWebhook } from './delete-webhook.usecase';
import { ListAttemptsQuery } from './dto/list-attempts.query';
import { ListWebhooksQuery } from './dto/list-webhooks.query';
import { RegisterWebhookDto } from './dto/register-webhook.dto';
import { WebhookIdParams } from './dto/webhook-id.params';
import { GetWebhook } from './get-webhook.usecase';
import { ListWebhookAttempts } from './list-webhook-attempts.usecase';
import { ListWebhooks } from './list-webhooks.usecase';
import { RegisterWebhook } from './register-webhook.usecase';
import { WebhookAttemptPage, WebhookListView, WebhookView } from './webhook.view';

/**
 * Admins' webhooks. Each event's notices of a subscribed type are POSTed as JSON with
 * `x-westgate-signature: sha256=<hex HMAC-SHA256 of the body, keyed with the secret>` and
 * `x-westgate-delivery-id` (the same on every retry), retried with back-off and jitter.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly registerWebhook: RegisterWebhook,
    private readonly listWebhooks: ListWebhooks,
    private readonly getWebhook: GetWebhook,
    private readonly deleteWebhook: DeleteWebhook,
    private readonly listWebhookAttempts: ListWebhookAttempts,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: WebhookView })
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterWebhookDto): Promise<WebhookView> {
    return this.registerWebhook.execute(body, user.id);
  }

  @Get()
  @ApiOkResponse({ type: WebhookListView })
  list(@Query() query: ListWebhooksQuery): Promise<WebhookListView> {
    return this.listWebhooks.execute(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookView })
  get(@Param() params: WebhookIdParams): Promise<WebhookView> {
    return this.getWebhook.execute(params.id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'stopped; its queued deliveries are marked failed' })
  async remove(@Param() params: WebhookIdParams): Promise<void> {
    await this.deleteWebhook.execute(params.id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookAttemptPage })
  deliveries(@Param() params: WebhookIdParams, @Query() query: ListAttemptsQuery): Promise<WebhookAttemptPage> {
    return this.listWebhookAttempts.execute({ webhookId: params.id, ...query });
  }
}
