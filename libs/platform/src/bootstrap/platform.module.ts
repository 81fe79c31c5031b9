import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '@westgate/auth';
import { LoggerModule } from 'nestjs-pino';
import { PlatformConfigModule } from '../config/platform-config.module';
import type { ServiceConfig } from '../config/service-config';
import { CORRELATION_HOOKS, defaultCorrelationHooks, type CorrelationHooks } from '../correlation/correlation-hooks';
import { MediaTypeModule } from '../errors/media-type.guard';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { HealthModule } from '../health/health.module';
import type { ReadinessCheck } from '../health/readiness-check';
import { createLoggerParams } from '../logging/logger-params';
import { MetricsModule } from '../metrics/metrics.module';
import { metricsRegistry, startDefaultMetrics } from '../metrics/metrics.registry';

export interface PlatformModuleOptions {
  /** e.g. `enterprise-registry`: the `service` of every log line and metric, the OpenAPI title. */
  serviceName: string;
  /** The loaded configuration (`loadConfig`); provided under its class and `ServiceConfig`. */
  config: ServiceConfig;
  /** Checks for `/health/ready`; more can be added at runtime through `ReadinessRegistry`. */
  readinessChecks?: readonly ReadinessCheck[];
  /** Messaging's correlation context; the platform's own by default. */
  correlation?: CorrelationHooks;
}

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * Everything a service module needs from the platform, for the whole application: the
 * configuration, the pino logger, the auth guard, problem+json errors, the strict validation
 * pipe, 415 for bodies of the wrong type, `/health/*` and `/metrics`. The Fastify-level parts
 * (correlation id, body parsing, prefix, OpenAPI) are applied by `configureServiceApp`.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: PlatformModuleOptions): DynamicModule {
    const { serviceName, config } = options;
    const correlation = options.correlation ?? defaultCorrelationHooks;
    startDefaultMetrics();
    metricsRegistry.setDefaultLabels({ service: serviceName });
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.forRoot(config),
        LoggerModule.forRoot(
          createLoggerParams({
            serviceName,
            level: config.LOG_LEVEL,
            nodeEnv: config.NODE_ENV,
            correlationId: () => correlation.current(),
          }),
        ),
        AuthModule.forRoot({ secret: config.AUTH_JWT_SECRET }),
        // After AuthModule: 401 comes before 415 (see MediaTypeModule).
        MediaTypeModule,
        HealthModule.forRoot(options.readinessChecks),
        MetricsModule,
      ],
      providers: [
        { provide: SERVICE_NAME, useValue: serviceName },
        { provide: CORRELATION_HOOKS, useValue: correlation },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [SERVICE_NAME, CORRELATION_HOOKS, HealthModule],
    };
  }
}
