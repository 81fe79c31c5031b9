import type { ServiceDefinition } from '@westgate/platform';
import { NotificationsConfig } from './notifications.config';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

/** What makes notifications itself; database, Kafka, health and the rest come from the platform. */
export const notificationsService: ServiceDefinition<NotificationsConfig> = {
  serviceName: 'notifications',
  config: NotificationsConfig,
  defaults: { PORT: 3004, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_notifications' },
  entities: NOTIFICATIONS_ENTITIES,
  migrations: NOTIFICATIONS_MIGRATIONS,
  producesTopics: [],
  modules: () => [],
};
