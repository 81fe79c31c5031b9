// Configuration
export { ServiceConfig, NODE_ENVS, LOG_LEVELS, type NodeEnv, type LogLevel } from './config/service-config';
export { IsHostPortList, IsJwtSecret, IsPortNumber, IsPostgresUrl } from './config/config.validators';
export { loadConfig, type ConfigClass, type ConfigDefaults } from './config/load-config';
export { ConfigurationError } from './config/configuration.error';
export { PlatformConfigModule } from './config/platform-config.module';

// Logging
export { createLoggerParams, requestLogLevel, type LoggerParamsOptions } from './logging/logger-params';
export { registerAccessLog } from './logging/access-log.hooks';

// Correlation id
export { CORRELATION_ID_HEADER, acceptOrCreateCorrelationId } from './correlation/correlation-id';
export { CORRELATION_HOOKS, defaultCorrelationHooks, type CorrelationHooks } from './correlation/correlation-hooks';
export { registerCorrelationHooks } from './correlation/correlation-id.hooks';

// Errors (RFC 9457) and request validation
export {
  PROBLEM_CONTENT_TYPE,
  codeForStatus,
  problemTitle,
  problemType,
  type FieldError,
  type ProblemDetails,
} from './errors/problem-details';
export { ProblemException } from './errors/problem.exception';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export { flattenValidationErrors, validationProblem } from './errors/validation-errors';
export { StrictValidationPipe, createValidationPipe } from './errors/validation.pipe';
export { NoBodyPipe } from './errors/no-body.pipe';
export { registerBodyParsing } from './http/body-parsing';
export { CONSUMES_KEY, Consumes } from './errors/consumes.decorator';
export { MediaTypeGuard } from './errors/media-type.guard';

// Health
export type { ReadinessCheck } from './health/readiness-check';
export { ReadinessRegistry } from './health/readiness.registry';
export { HealthModule } from './health/health.module';

// Metrics
export { METRIC_PREFIX, httpRequestDuration, metricsRegistry, startDefaultMetrics } from './metrics/metrics.registry';
export { UNMATCHED_ROUTE, registerHttpMetrics } from './metrics/http-metrics.hooks';
export { MetricsModule } from './metrics/metrics.module';

// OpenAPI
export { DOCS_PATH, setupOpenApi } from './openapi/openapi.setup';

// Bootstrap
export { PlatformModule, SERVICE_NAME, type PlatformModuleOptions } from './bootstrap/platform.module';
export {
  API_PREFIX,
  DEFAULT_JSON_BODY_LIMIT,
  UNPREFIXED_PATHS,
  configureServiceApp,
  fastifyOptions,
  type ConfigureServiceAppOptions,
} from './bootstrap/configure-service-app';
export {
  bootstrap,
  createServiceApp,
  type ServiceAppOptions,
  type ServiceBootstrapOptions,
  type ServiceModule,
} from './bootstrap/bootstrap';
export { hasBody, headerValue, type PlatformReply, type PlatformRequest } from './http/platform-request';
export { ApiOkPageResponse, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery, decodeCursor, encodeCursor, toPage, type Page } from './http/pagination';

// One service: database, migrations, Kafka, consumers
export type { ServiceDefinition } from './service/service-definition';
export { PLATFORM_MIGRATIONS, serviceModule } from './service/service.module';
export { IDEMPOTENCY_HEADER } from './idempotency/idempotency.rules';
export { createService, messagingCorrelation, startConsumers, startService } from './service/start-service';
export { startTestService, type TestService, type TestServiceOptions } from './service/start-test-service';
