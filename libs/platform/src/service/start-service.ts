import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { currentCorrelationId, MessagingRuntime, runWithCorrelation } from '@westgate/messaging';
import { bootstrap, createServiceApp } from '../bootstrap/bootstrap';
import type { ServiceConfig } from '../config/service-config';
import type { CorrelationHooks } from '../correlation/correlation-hooks';
import type { ServiceDefinition } from './service-definition';
import { serviceModule } from './service.module';

/** HTTP requests run in messaging's correlation context, so the events they cause carry their id. */
export const messagingCorrelation: CorrelationHooks = {
  run: (correlationId, fn) => runWithCorrelation({ correlationId }, fn),
  current: currentCorrelationId,
};

/**
 * Attaches the service's Kafka consumers (a Nest microservice on messaging's transport) and
 * starts them; the HTTP side listens afterwards. The consumers share the app's global enhancers:
 * the problem filter hands a handler's error back unchanged (Nest's default RPC filter would
 * replace it with "Internal server error"), so the consumer can retry it and record it with the
 * dead-lettered message; the auth guard and the media-type check apply to HTTP only.
 */
export async function startConsumers(app: INestApplication): Promise<void> {
  const runtime = app.get(MessagingRuntime);
  app.connectMicroservice({ strategy: runtime.server }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}

/** `main.ts` of every service. */
export function startService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<NestFastifyApplication> {
  return bootstrap({
    serviceName: definition.serviceName,
    config: definition.config,
    defaults: definition.defaults,
    appModule: (config) => serviceModule(definition, config),
    correlation: messagingCorrelation,
    jsonBodyLimit: definition.jsonBodyLimit,
    beforeListen: (app) => startConsumers(app),
  });
}

/** The same service, configured but not listening: for integration tests and benchmarks. */
export async function createService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  config: C,
): Promise<NestFastifyApplication> {
  const app = await createServiceApp(
    {
      serviceName: definition.serviceName,
      appModule: (c: C) => serviceModule(definition, c),
      correlation: messagingCorrelation,
      jsonBodyLimit: definition.jsonBodyLimit,
    },
    config,
  );
  await startConsumers(app);
  return app;
}
