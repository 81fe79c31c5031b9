import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CORRELATION_HOOKS, type CorrelationHooks } from '../correlation/correlation-hooks';
import { correlationIdMiddleware } from '../correlation/correlation-id.middleware';
import { bodyParserErrorMiddleware } from '../errors/body-parser-errors';
import { ServiceConfig } from '../config/service-config';
import { accessLogMiddleware } from '../logging/access-log.middleware';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { setupOpenApi } from '../openapi/openapi.setup';
import { SERVICE_NAME } from './platform.module';

export const API_PREFIX = 'api/v1';

/** Outside `/api/v1`: probes and scrapes. (`/docs` is mounted on Express, outside it anyway.) */
export const UNPREFIXED_PATHS = ['health/live', 'health/ready', 'metrics'];

export const DEFAULT_JSON_BODY_LIMIT = '1mb';

/**
 * Idle keep-alive connections are left for the client (or a load balancer, whose idle timeout is
 * commonly 60 s) to close. With Node's default of 5 s the server closes them itself, and a request
 * the client sends on such a connection as it closes fails with "socket hang up".
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface ConfigureServiceAppOptions {
  /** Largest JSON body accepted (413 beyond); default 1 MB. */
  jsonBodyLimit?: string | number;
}

/**
 * The Express-level half of the platform, for an app whose root module imports
 * `PlatformModule`: order matters, so this must run before the app initialises (before
 * `listen`/`init`). The app must be created with `bodyParser: false`.
 */
export function configureServiceApp(app: NestExpressApplication, options: ConfigureServiceAppOptions = {}): void {
  const correlation = app.get<CorrelationHooks>(CORRELATION_HOOKS);
  app.disable('x-powered-by');
  // Resources that have versions set their own ETag; hashing every other body is wasted work.
  app.set('etag', false);
  // First, so that every response, even a refused body's, has its id, is timed and logged.
  app.use(correlationIdMiddleware(correlation));
  app.use(httpMetricsMiddleware());
  app.use(accessLogMiddleware(app.get(ServiceConfig).LOG_LEVEL));
  app.useBodyParser('json', {
    limit: options.jsonBodyLimit ?? DEFAULT_JSON_BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
  });
  app.use(bodyParserErrorMiddleware);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  setupOpenApi(app, app.get<string>(SERVICE_NAME));
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed keepAliveTimeout, or a slow request on a reused connection is cut at the headers.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
