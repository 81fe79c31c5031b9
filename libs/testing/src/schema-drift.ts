import { DataSource, type DataSourceOptions } from 'typeorm';
import { createTestDatabase } from './test-database';

/**
 * What `migration:generate` would write for a service: the SQL that would turn the schema its
 * migrations build (in a fresh database) into the one its entities describe. Empty when the two
 * agree — which keeps the generator useful: a gap here makes it propose dropping indexes,
 * constraints and defaults the migrations created.
 *
 * `options`: the service's TypeORM CLI data source's (`src/data-source.ts`), so that exactly
 * what the generator reads is checked; only its database is replaced.
 */
export async function schemaDrift(options: DataSourceOptions): Promise<string[]> {
  if (options.type !== 'postgres') throw new Error('schemaDrift expects a PostgreSQL data source');
  const database = await createTestDatabase('schema_drift');
  const dataSource = new DataSource({ ...options, url: database.url, applicationName: 'schema-drift', extra: { max: 2 } });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    return upQueries.map((query) => query.query);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}
