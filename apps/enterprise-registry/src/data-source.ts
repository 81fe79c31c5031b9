/**
 * For the TypeORM CLI (`nx run enterprise-registry:migration:run|revert|generate`), run against the build in
 * dist/. The service itself migrates at start; this is for operators and for generating migrations.
 */
import { PLATFORM_MIGRATIONS } from '@westgate/platform';
import { buildDataSourceOptions } from '@westgate/persistence';
import { DataSource } from 'typeorm';
import { REGISTRY_ENTITIES } from './enterprise-registry.entities';
import { REGISTRY_MIGRATIONS } from './migrations';

export default new DataSource(
  buildDataSourceOptions({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/westgate_enterprise_registry',
    entities: REGISTRY_ENTITIES,
    migrations: [...PLATFORM_MIGRATIONS, ...REGISTRY_MIGRATIONS],
    applicationName: 'enterprise-registry-cli',
  }),
);
