import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '../config/configuration.error';
import { loadConfig, type ConfigClass, type ConfigDefaults } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import type { CorrelationHooks } from '../correlation/correlation-hooks';
import type { ReadinessCheck } from '../health/readiness-check';
import { configureServiceApp, fastifyOptions } from './configure-service-app';
import { PlatformModule } from './platform.module';

export type ServiceModule = Type<unknown> | DynamicModule;

export interface ServiceAppOptions<C extends ServiceConfig> {
  /** e.g. `enterprise-registry`. */
  serviceName: string;
  /** The app's module, built from its configuration: `(config) => AppModule.forRoot(config)` or `() => AppModule`. */
  appModule: (config: C) => ServiceModule;
  readinessChecks?: readonly ReadinessCheck[];
  /** Messaging's correlation context; the platform's own by default. */
  correlation?: CorrelationHooks;
  /** Largest JSON body accepted, in bytes; default 1 MiB. */
  jsonBodyLimit?: number;
}

export interface ServiceBootstrapOptions<C extends ServiceConfig> extends ServiceAppOptions<C> {
  /** The app's configuration class (a `ServiceConfig` subclass). */
  config: ConfigClass<C>;
  /** Per-service defaults, e.g. `{ PORT: 3001, DATABASE_URL: 'postgres://…/westgate_registry' }`. */
  defaults?: ConfigDefaults<C>;
  /** Runs after the app is configured, before it listens: connect consumers, start relays. */
  beforeListen?: (app: NestFastifyApplication, config: C) => Promise<void>;
  /** Defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

@Module({})
class ServiceRootModule {}

/**
 * Creates and configures a service's Nest application (logger, platform module, HTTP
 * pipeline on Fastify, OpenAPI) without listening; `bootstrap` uses it, and so can tests.
 */
export async function createServiceApp<C extends ServiceConfig>(
  options: ServiceAppOptions<C>,
  config: C,
): Promise<NestFastifyApplication> {
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [
      PlatformModule.forService({
        serviceName: options.serviceName,
        config,
        readinessChecks: options.readinessChecks,
        correlation: options.correlation,
      }),
      options.appModule(config),
    ],
  };
  // Body parsing is the platform's own (configureServiceApp → registerBodyParsing), not Nest's.
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(fastifyOptions()), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  configureServiceApp(app, { jsonBodyLimit: options.jsonBodyLimit });
  return app;
}

function failFast(serviceName: string, error: unknown): never {
  // A configuration error is the operator's to fix: its message says what; a stack would bury it.
  const text =
    error instanceof ConfigurationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${serviceName} cannot start: ${text}\n`);
  process.exit(1);
}

/**
 * Starts a service: loads and validates its configuration (printing what is wrong and exiting
 * with 1 if anything is), creates the app, wires graceful shutdown on SIGTERM/SIGINT, runs
 * `beforeListen`, and listens on `PORT` at `HOST`.
 */
export async function bootstrap<C extends ServiceConfig>(options: ServiceBootstrapOptions<C>): Promise<NestFastifyApplication> {
  let config: C;
  try {
    config = loadConfig(options.config, options.env ?? process.env, options.defaults);
  } catch (error) {
    failFast(options.serviceName, error);
  }
  try {
    const app = await createServiceApp(options, config);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    await options.beforeListen?.(app, config);
    await app.listen(config.PORT, config.HOST);
    const { port } = app.getHttpServer().address() as AddressInfo;
    app.get(Logger).log(`${options.serviceName} listening on http://${config.HOST}:${port} (docs at /docs)`, 'Bootstrap');
    return app;
  } catch (error) {
    failFast(options.serviceName, error);
  }
}
