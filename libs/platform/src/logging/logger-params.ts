import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';

export interface LoggerParamsOptions {
  serviceName: string;
  level: string;
  nodeEnv: string;
  /** The current correlation id (messaging's context once wired); stamped on every line. */
  correlationId: () => string | undefined;
  /** Defaults to `process.stdout.isTTY`; pretty output also needs a non-production env. */
  tty?: boolean;
}

/** Probes and scrapes every few seconds would drown the request log. */
export const QUIET_PATHS = /^\/(health\/|metrics(\/|$|\?))/;

/**
 * Successful requests at debug, client errors at info, server errors at error. Logging every
 * request at info costs a serialised line per request (a large share of a small handler's
 * time) and buries the lines that matter; at the default level `info` only failures appear,
 * and `LOG_LEVEL=debug` shows everything.
 */
export function requestLogLevel(statusCode: number): LevelWithSilent {
  if (statusCode >= 500) return 'error';
  if (statusCode >= 400) return 'info';
  return 'debug';
}

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** nestjs-pino settings: JSON lines with `service` and `correlationId`, pretty only on a dev terminal. */
export function createLoggerParams(options: LoggerParamsOptions): Params {
  const pretty = (options.tty ?? process.stdout.isTTY === true) && options.nodeEnv !== 'production' && prettyAvailable();
  const pinoHttp: Options = {
    level: options.level,
    base: { service: options.serviceName, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    mixin: () => {
      const correlationId = options.correlationId();
      return correlationId === undefined ? {} : { correlationId };
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.headers.authorization'], censor: '[redacted]' },
    ...(pretty && { transport: { target: 'pino-pretty', options: { singleLine: true } } }),
  };
  return {
    pinoHttp,
    // No per-request pino-http middleware: it builds a child logger (serialising and redacting
    // the request) for every request even when nothing is logged, a fifth of a small handler's
    // time. The correlation id reaches every line through the mixin instead, and
    // registerAccessLog writes the request lines.
    forRoutes: [],
  };
}
