import type { FastifyInstance } from 'fastify';
import type { PlatformRequest } from '../http/platform-request';
import { httpRequestDuration } from './metrics.registry';

/** Requests that matched no route (404s) share one label value. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route pattern (`/api/v1/enterprises/:id`), never the raw URL, to keep label values bounded. */
function routeLabel(request: PlatformRequest): string {
  const url = request.routeOptions.url;
  return url !== undefined && !url.includes('*') ? url : UNMATCHED_ROUTE;
}

/**
 * Times every request from its arrival to its last byte, 401s from guards, 404s and refused
 * bodies included.
 */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  const histogram = httpRequestDuration();
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe({ method: request.method, route: routeLabel(request), status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
