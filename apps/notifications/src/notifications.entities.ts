import { ProgrammeBudgetEntity } from './budgets/programme-budget.entity';
import { EmailDeliveryEntity } from './email/email-delivery.entity';
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationPreferenceEntity } from './preferences/notification-preference.entity';
import { EnterpriseContactEntity } from './recipients/enterprise-contact.entity';
import { WebhookAttemptEntity } from './webhooks/webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookEntity } from './webhooks/webhook.entity';

/** Every TypeORM entity of notifications, listed explicitly (compiled output breaks globs). */
export const NOTIFICATIONS_ENTITIES = [
  EnterpriseContactEntity,
  ProgrammeBudgetEntity,
  NotificationPreferenceEntity,
  NotificationEntity,
  EmailDeliveryEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];
