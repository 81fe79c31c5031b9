import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Runs a statement as a named prepared statement on the manager's connection (in its transaction):
 * PostgreSQL parses and plans it once per connection instead of on every call. For the consumer's
 * per-event statement, whose planning costs more than its execution. Outside a transaction (no
 * query runner) it falls back to a plain query.
 */
export async function queryPrepared<T>(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) return (await manager.query(text, values)) as T[];
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<T & Record<string, unknown>>({ name, text, values });
  return result.rows;
}
