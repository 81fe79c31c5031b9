import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const root = join(__dirname, '..', '..', '..');
const kafkaTools = join(root, 'tools', 'kafka');

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
  if (process.env.KAFKA_BROKERS && process.env.KAFKA_BROKERS !== '127.0.0.1:9092') return;
  if (!existsSync(join(kafkaTools, 'start.sh'))) throw new Error('tools/kafka/start.sh is missing');
  const output = execFileSync('bash', [join(kafkaTools, 'start.sh')], { encoding: 'utf8' });
  process.env.WESTGATE_TEST_STARTED_KAFKA = /already/i.test(output) ? '' : '1';
}
