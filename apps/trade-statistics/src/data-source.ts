/**
 * For the TypeORM CLI (`nx run trade-statistics:migration:run|revert|generate`), run against the build in
 * dist/. The service itself migrates at start; this is for operators and for generating migrations.
 */
import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { buildDataSourceOptions } from '@westgate/persistence';
import { DataSource } from 'typeorm';
import { STATISTICS_ENTITIES } from './trade-statistics.entities';
import { STATISTICS_MIGRATIONS } from './migrations';

export default new DataSource(
  buildDataSourceOptions({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/westgate_trade_statistics',
    entities: STATISTICS_ENTITIES,
    migrations: [...PLATFORM_MIGRATIONS, ...STATISTICS_MIGRATIONS],
    applicationName: 'trade-statistics-cli',
  }),
);
