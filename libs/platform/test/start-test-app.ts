import { Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, type ServiceAppOptions } from '../src/bootstrap/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { ServiceConfig } from '../src/config/service-config';

@Module({})
class TestAppModule {}

export interface TestApp {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  close: () => Promise<void>;
}

export const TEST_SECRET = 'platform-test-secret-platform-test';

/** A real service app (the platform's whole pipeline) around `controllers`, on a free port. */
export async function startTestApp(
  controllers: Type<unknown>[],
  options: Partial<ServiceAppOptions<ServiceConfig>> = {},
): Promise<TestApp> {
  const config = loadConfig(
    ServiceConfig,
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTH_JWT_SECRET: TEST_SECRET },
    { PORT: 3999, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_test' },
  );
  const app = await createServiceApp(
    { serviceName: 'test-service', appModule: () => ({ module: TestAppModule, controllers }), ...options },
    config,
  );
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: await app.getUrl(), close: () => app.close() };
}
