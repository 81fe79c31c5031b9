import { HttpStatus, Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { CORRELATION_HOOKS, type CorrelationHooks } from '../correlation/correlation-hooks';
import { assignCorrelationId, registerCorrelationHooks } from '../correlation/correlation-id.hooks';
import { ServiceConfig } from '../config/service-config';
import { sendProblem } from '../errors/problem-details.filter';
import { ProblemException } from '../errors/problem.exception';
import { registerBodyParsing } from '../http/body-parsing';
import { registerConditionalGet } from '../http/conditional-get';
import { registerAccessLog } from '../logging/access-log.hooks';
import { registerHttpMetrics } from '../metrics/http-metrics.hooks';
import { setupOpenApi } from '../openapi/openapi.setup';
import { SERVICE_NAME } from './platform.module';

export const API_PREFIX = 'api/v1';

/** Outside `/api/v1`: probes and scrapes. (`/docs` is mounted outside it anyway.) */
export const UNPREFIXED_PATHS = ['health/live', 'health/ready', 'metrics'];

/** Largest JSON body accepted by default, in bytes (1 MiB). */
export const DEFAULT_JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Idle keep-alive connections are left for the client (or a load balancer, whose idle timeout is
 * commonly 60 s) to close. When the server closes them itself first, a request the client sends
 * on such a connection as it closes fails with "socket hang up".
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Path parameters as long as a request line may be: a hostile id is the validation's to refuse
 * (400 naming it), not the router's to miss (Fastify's default of 100 characters would be a 404).
 */
const MAX_PARAM_LENGTH = 16 * 1024;

const frameworkLogger = new Logger('Http');

/** The Fastify instance every service runs on. */
export function fastifyOptions(): FastifyServerOptions {
  return {
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // A URL Fastify cannot even route (a malformed %-escape): problem+json like every other 400.
    frameworkErrors: (error, request, reply) => {
      // Fastify answers it before any hook runs, so the id is assigned here.
      assignCorrelationId(request, reply);
      sendProblem(new ProblemException(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', error.message), request, reply, frameworkLogger);
    },
  };
}

export interface ConfigureServiceAppOptions {
  /** Largest JSON body accepted, in bytes (413 beyond); default 1 MiB. */
  jsonBodyLimit?: number;
}

/**
 * The Fastify-level half of the platform, for an app whose root module imports `PlatformModule`
 * and that was created on `fastifyOptions()` with `bodyParser: false`: must run before the app
 * initialises (before `listen`/`init`).
 */
export function configureServiceApp(app: NestFastifyApplication, options: ConfigureServiceAppOptions = {}): void {
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that every response, even a refused body's, has its id, is timed and logged.
  registerCorrelationHooks(fastify, app.get<CorrelationHooks>(CORRELATION_HOOKS));
  registerHttpMetrics(fastify);
  registerAccessLog(fastify, app.get(ServiceConfig).LOG_LEVEL);
  registerBodyParsing(fastify, options.jsonBodyLimit ?? DEFAULT_JSON_BODY_LIMIT);
  registerConditionalGet(fastify);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  setupOpenApi(app, app.get<string>(SERVICE_NAME));
  // Must exceed keepAliveTimeout, or a slow request on a reused connection is cut at the headers.
  app.getHttpServer().headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
