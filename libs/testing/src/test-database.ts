import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throw-away database per test file, so suites never see each other's rows. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `westgate_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(TEST_POSTGRES_URL, name);
  await ensureDatabaseExists(url);
  return { url, drop: () => dropDatabase(url) };
}
