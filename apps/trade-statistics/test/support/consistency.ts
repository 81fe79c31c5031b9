import { Client } from 'pg';
import { CUBES } from '../../src/rollups/rollup-cubes';

/**
 * Every roll-up must equal the same sums computed from scratch from the declaration table and
 * the projection (tier of the declaration's year, current zone): returns the differing rows.
 */
export async function rollupDifferences(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const differences: Record<string, number> = {};
    for (const cube of Object.values(CUBES)) {
      const keys = cube.keys.join(', ');
      const scratch = `
        SELECT ${keys}, sum(value_usd)::numeric(24, 2) AS value_usd, count(*)::integer AS declarations FROM (
          SELECT d.*, coalesce(t.tier, 'NONE') AS tier, coalesce(p.zone_code, 'NONE') AS zone
          FROM declaration d
          LEFT JOIN enterprise_tier t ON t.uscc = d.uscc AND t.cycle = d.period / 100
          LEFT JOIN enterprise_projection p ON p.uscc = d.uscc
        ) x GROUP BY ${keys}`;
      const stored = `SELECT ${keys}, value_usd, declarations FROM ${cube.table}`;
      const { rows } = await client.query(
        `SELECT count(*)::integer AS n FROM ((${scratch} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${scratch})) diff`,
      );
      differences[cube.table] = rows[0].n;
    }
    return differences;
  } finally {
    await client.end();
  }
}

export async function query<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
