import type { Middleware, PlatformRequest } from '../http/platform-request';
import { httpRequestDuration } from './metrics.registry';

/** Requests that matched no route (404s, bodies refused before routing) share one label value. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route pattern (`/api/v1/enterprises/:id`), never the raw URL, to keep label values
 * bounded. Express leaves in `req.route` the last route it dispatched: a controller's, or,
 * when none matched, the wildcard under which Nest mounts module middleware (the request
 * logger's `/api/v1/{*path}`). No endpoint uses a wildcard, so one means "unmatched".
 */
function routeLabel(request: PlatformRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' && !path.includes('*') ? `${request.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

/**
 * Times every request from its arrival to its last byte. A middleware rather than an
 * interceptor, so that 401s from guards, 404s and refused bodies are counted too; the route
 * is read when the response finishes, after routing has run.
 */
export function httpMetricsMiddleware(): Middleware {
  const histogram = httpRequestDuration();
  return (request, response, next) => {
    const stop = histogram.startTimer();
    response.once('finish', () => {
      stop({ method: request.method ?? 'UNKNOWN', route: routeLabel(request), status: String(response.statusCode) });
    });
    next();
  };
}
