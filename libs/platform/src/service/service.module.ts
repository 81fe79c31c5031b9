import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MESSAGING_MIGRATIONS, MessagingModule } from '@westgate/messaging';
import { buildDataSourceOptions, ensureDatabaseExists, runMigrationsLocked } from '@westgate/persistence';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { IdempotencyKeys1764115300000 } from '../idempotency/1764115300000-idempotency-keys';
import { IdempotencyBodyText1796112000000 } from '../idempotency/1796112000000-idempotency-body-text';
import { IdempotencyHooks } from '../idempotency/idempotency.hooks';
import type { ServiceDefinition } from './service-definition';
import { ServiceReadiness } from './service-readiness';

@Module({})
class WestgateServiceModule {}

/** The platform's own tables, migrated before the service's: outbox and inbox, idempotency keys. */
export const PLATFORM_MIGRATIONS = [...MESSAGING_MIGRATIONS, IdempotencyKeys1764115300000, IdempotencyBodyText1796112000000];

/**
 * The module tree of one service: its database (created if missing, migrated under a lock before
 * anything touches it), its Kafka runtime (outbox relay, consumers), `Idempotency-Key` on every
 * POST, and its feature modules.
 */
export function serviceModule<C extends ServiceConfig>(definition: ServiceDefinition<C>, config: C): DynamicModule {
  const options = buildDataSourceOptions({
    url: config.DATABASE_URL,
    entities: definition.entities,
    migrations: [...PLATFORM_MIGRATIONS, ...(definition.migrations as unknown[])] as typeof definition.migrations,
    applicationName: definition.serviceName,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  return {
    module: WestgateServiceModule,
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () => options,
        // Migrations run here, before any provider (the outbox relay first) uses the database.
        dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
          await ensureDatabaseExists(config.DATABASE_URL);
          const dataSource = await new DataSource(dataSourceOptions ?? options).initialize();
          await runMigrationsLocked(dataSource);
          return dataSource;
        },
      }),
      MessagingModule.forRootAsync({
        useFactory: () => ({
          serviceName: definition.serviceName,
          brokers: config.KAFKA_BROKERS,
          databaseUrl: config.DATABASE_URL,
          producesTopics: definition.producesTopics,
          namespace: config.KAFKA_NAMESPACE,
          partitions: config.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
        }),
      }),
      ...definition.modules(config),
    ],
    providers: [ServiceReadiness, IdempotencyHooks],
  };
}
