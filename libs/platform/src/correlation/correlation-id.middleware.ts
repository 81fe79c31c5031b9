import type { Middleware } from '../http/platform-request';
import type { CorrelationHooks } from './correlation-hooks';
import { CORRELATION_ID_HEADER, acceptOrCreateCorrelationId } from './correlation-id';

/**
 * Mounted first, before body parsing and routing, so that every response carries
 * `x-correlation-id`, errors and 404s included, and everything after it runs in the id's context.
 */
export function correlationIdMiddleware(hooks: Pick<CorrelationHooks, 'run'>): Middleware {
  return (request, response, next) => {
    const id = acceptOrCreateCorrelationId(request.headers[CORRELATION_ID_HEADER]);
    request.correlationId = id;
    response.setHeader(CORRELATION_ID_HEADER, id);
    hooks.run(id, () => next());
  };
}
