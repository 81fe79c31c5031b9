import { Controller, Get, HttpStatus, Logger, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@westgate/auth';
import { ProblemException } from '../errors/problem.exception';
import type { ReadinessCheck } from './readiness-check';
import { ReadinessRegistry } from './readiness.registry';

const DEFAULT_TIMEOUT_MS = 3000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([check.check(), timeout]).finally(() => clearTimeout(timer));
}

/** Liveness and readiness probes (Kubernetes), outside `/api/v1` and without a token. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** Up while the process can answer at all; a failing liveness probe restarts the pod. */
  @Get('live')
  @HealthCheck()
  live(): Promise<unknown> {
    return this.health.check([]);
  }

  /** 200 when every readiness check passes, else 503 naming the failed ones. */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<unknown> {
    try {
      return await this.health.check(this.readiness.list().map((check) => () => this.probe(check)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const { status, details } = error.getResponse() as { status?: string; details?: HealthIndicatorResult };
      const checks = Object.fromEntries(Object.entries(details ?? {}).map(([name, result]) => [name, result.status]));
      const failed = Object.keys(checks).filter((name) => checks[name] !== 'up');
      const detail = status === 'shutting_down' ? 'The service is shutting down' : `Not ready: ${failed.join(', ')}`;
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'NOT_READY', detail, { checks });
    }
  }

  private async probe(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(check.name);
    try {
      await withTimeout(check);
      return session.up();
    } catch (error) {
      // Why it failed goes to the log only: the probe is public and messages name hosts.
      this.logger.warn(`Readiness check '${check.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
      return session.down();
    }
  }
}
