import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CorrelationHooks } from './correlation-hooks';
import { CORRELATION_ID_HEADER, acceptOrCreateCorrelationId } from './correlation-id';

/**
 * Every response carries `x-correlation-id`, errors and 404s included: the id is taken (or made)
 * as the request arrives. The rest of the request runs in the id's context from `preHandler` on,
 * after the body has been read: stream callbacks do not carry an async context, so a context
 * entered earlier would not reach the handler of a request with a body.
 */
export function registerCorrelationHooks(fastify: FastifyInstance, hooks: Pick<CorrelationHooks, 'run'>): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    assignCorrelationId(request, reply);
    done();
  });
  fastify.addHook('preHandler', (request, reply, done) => hooks.run(assignCorrelationId(request, reply), () => done()));
}

/** The request's correlation id, taken from its header (or made) the first time, and echoed on the reply. */
export function assignCorrelationId(request: FastifyRequest, reply: FastifyReply): string {
  if (request.correlationId === undefined) {
    request.correlationId = acceptOrCreateCorrelationId(request.headers[CORRELATION_ID_HEADER]);
    void reply.header(CORRELATION_ID_HEADER, request.correlationId);
  }
  return request.correlationId;
}
