import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemException } from '../errors/problem.exception';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's `x-correlation-id`, set before anything else runs. */
    correlationId?: string;
    /** What was wrong with the body, left for MediaTypeGuard to answer after the auth guard. */
    bodyProblem?: ProblemException;
  }
}

/** A request as the platform sees it (Fastify's, with the platform's own fields). */
export type PlatformRequest = FastifyRequest;

export type PlatformReply = FastifyReply;

/** Whether the request has a body (RFC 9112 §6.3: a Transfer-Encoding, or a non-zero Content-Length). */
export function hasBody(request: Pick<PlatformRequest, 'headers'>): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A request header's value; a repeated header's values joined as HTTP defines (RFC 9110 §5.3). */
export function headerValue(request: Pick<PlatformRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
