/**
 * For the TypeORM CLI (`nx run notifications:migration:run|revert|generate`), run against the build in
 * dist/. The service itself migrates at start; this is for operators and for generating migrations.
 */
import { MessagingTables1764115200000 } from '@westgate/messaging';
import { buildDataSourceOptions } from '@westgate/persistence';
import { DataSource } from 'typeorm';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

export default new DataSource(
  buildDataSourceOptions({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/westgate_notifications',
    entities: NOTIFICATIONS_ENTITIES,
    migrations: [MessagingTables1764115200000, ...NOTIFICATIONS_MIGRATIONS],
    applicationName: 'notifications-cli',
  }),
);
