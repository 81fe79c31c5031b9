import type { ServiceDefinition } from '@westgate/platform';
import { ConsumersModule } from './consumers/consumers.module';
import { EmailModule } from './email/email.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsConfig } from './notifications.config';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { PreferencesModule } from './preferences/preferences.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** What makes notifications itself; database, Kafka, health and the rest come from the platform. */
export const notificationsService: ServiceDefinition<NotificationsConfig> = {
  serviceName: 'notifications',
  config: NotificationsConfig,
  defaults: { PORT: 3004, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_notifications' },
  entities: NOTIFICATIONS_ENTITIES,
  migrations: NOTIFICATIONS_MIGRATIONS,
  // Notifications publishes nothing: it is the end of the line.
  producesTopics: [],
  modules: () => [ConsumersModule, InboxModule, PreferencesModule, WebhooksModule, EmailModule],
};
