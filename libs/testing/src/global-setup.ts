import { Client } from 'pg';
import { ensureLocalKafka } from './local-kafka';

/**
 * Before any integration suite: PostgreSQL must answer, and the Kafka broker must run (started
 * here if nothing listens on KAFKA_BROKERS, stopped again by the teardown).
 */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`integration tests need PostgreSQL on 127.0.0.1:5432: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  process.env.WESTGATE_TEST_STARTED_KAFKA = ensureLocalKafka() ? '1' : '';
}
