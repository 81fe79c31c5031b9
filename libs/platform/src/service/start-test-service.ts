import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';
import { loadConfig } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceDefinition } from './service-definition';
import { createService } from './start-service';

export interface TestService {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  databaseUrl: string;
  /** Topic and group prefix of this run. */
  namespace: string;
  /** The broker's name of a logical topic in this run. */
  topic: (logical: string) => string;
  close: () => Promise<void>;
}

export interface TestServiceOptions {
  /** Share a Kafka namespace with other services of the same test (cross-service flows). */
  namespace?: string;
  env?: Record<string, string>;
}

/**
 * A whole service, as in production, on a free port: its own throw-away database and its own
 * Kafka namespace on the real broker, so that integration tests and benchmarks never see each
 * other's rows or messages. Signs nothing itself: tokens use the development secret.
 */
export async function startTestService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  options: TestServiceOptions = {},
): Promise<TestService> {
  const suffix = randomBytes(4).toString('hex');
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = withDatabase(server, `westgate_test_${definition.serviceName.replace(/-/g, '_')}_${suffix}`);
  const namespace = options.namespace ?? `t${suffix}`;
  await ensureDatabaseExists(databaseUrl);
  const config = loadConfig(
    definition.config,
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '3',
      ...options.env,
    },
    definition.defaults,
  );
  const app = await createService(definition, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    namespace,
    topic: (logical) => `${namespace}.${logical}`,
    close: async () => {
      await app.close();
      await dropDatabase(databaseUrl);
    },
  };
}
