import { buildDataSourceOptions, type DataSourceSettings } from '@westgate/persistence';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database';

/**
 * What `migration:generate` would write for a service: the SQL that would turn the schema its
 * migrations build (in a fresh database) into the one its entities describe. Empty when the two
 * agree — which keeps the generator useful: a gap here makes it propose dropping indexes,
 * constraints and defaults the migrations created.
 */
export async function schemaDrift(settings: Pick<DataSourceSettings, 'entities' | 'migrations'>): Promise<string[]> {
  const database = await createTestDatabase('schema_drift');
  const dataSource = new DataSource(buildDataSourceOptions({ ...settings, url: database.url, applicationName: 'schema-drift', poolSize: 2 }));
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
