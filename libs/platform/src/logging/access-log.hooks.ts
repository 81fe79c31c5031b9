import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { QUIET_PATHS, requestLogLevel } from './logger-params';

/**
 * One line per request worth reading: failures always (4xx at info, 5xx at error), successes
 * only when the level is debug or trace. The correlation id is taken from the request, since
 * the response finishes outside the request's async context.
 */
export function registerAccessLog(fastify: FastifyInstance, level: string): void {
  const logger = new Logger('Http');
  const everyRequest = level === 'debug' || level === 'trace';
  fastify.addHook('onResponse', (request, reply, done) => {
    const lineLevel = requestLogLevel(reply.statusCode);
    if ((lineLevel !== 'debug' || everyRequest) && !QUIET_PATHS.test(request.url)) {
      const line = {
        msg: `${request.method} ${request.url} ${reply.statusCode}`,
        correlationId: request.correlationId,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      };
      if (lineLevel === 'error') logger.error(line);
      else if (lineLevel === 'info') logger.log(line);
      else logger.debug(line);
    }
    done();
  });
}
