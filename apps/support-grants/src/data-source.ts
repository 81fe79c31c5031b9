/**
 * For the TypeORM CLI (`nx run support-grants:migration:run|revert|generate`), run against the build in
 * dist/. The service itself migrates at start; this is for operators and for generating migrations.
 */
import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { buildDataSourceOptions } from '@westgate/persistence';
import { DataSource } from 'typeorm';
import { GRANTS_ENTITIES } from './support-grants.entities';
import { GRANTS_MIGRATIONS } from './migrations';

export default new DataSource(
  buildDataSourceOptions({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/westgate_support_grants',
    entities: GRANTS_ENTITIES,
    migrations: [...PLATFORM_MIGRATIONS, ...GRANTS_MIGRATIONS],
    applicationName: 'support-grants-cli',
  }),
);
