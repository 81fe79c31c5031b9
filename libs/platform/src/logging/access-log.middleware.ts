import { Logger } from '@nestjs/common';
import type { Middleware } from '../http/platform-request';
import { QUIET_PATHS, requestLogLevel } from './logger-params';

/**
 * One line per request worth reading: failures always (4xx at info, 5xx at error), successes
 * only when the level is debug or trace. The correlation id is taken from the request, since
 * the response finishes outside the request's async context.
 */
export function accessLogMiddleware(level: string): Middleware {
  const logger = new Logger('Http');
  const everyRequest = level === 'debug' || level === 'trace';
  return (request, response, next) => {
    if (QUIET_PATHS.test(request.url ?? '')) return next();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const lineLevel = requestLogLevel(request, response);
      if (lineLevel === 'debug' && !everyRequest) return;
      const line = {
        msg: `${request.method} ${request.originalUrl ?? request.url} ${response.statusCode}`,
        correlationId: request.correlationId,
        method: request.method,
        url: request.originalUrl ?? request.url,
        status: response.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      if (lineLevel === 'error') logger.error(line);
      else if (lineLevel === 'info') logger.log(line);
      else logger.debug(line);
    });
    next();
  };
}
