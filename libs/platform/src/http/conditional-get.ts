import type { FastifyInstance } from 'fastify';
import { headerValue, type PlatformRequest } from './platform-request';

const NO_CACHE = /(?:^|,)\s*no-cache\s*(?:,|$)/i;

/** The entity tag without its weak prefix: If-None-Match compares weakly (RFC 9110 §13.1.2). */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * Whether the client's copy is current: its If-None-Match names the response's ETag (or is `*`),
 * and it did not ask to bypass caches (`Cache-Control: no-cache`).
 */
export function isFresh(request: Pick<PlatformRequest, 'headers'>, etag: string): boolean {
  const ifNoneMatch = headerValue(request, 'if-none-match');
  if (ifNoneMatch === undefined || NO_CACHE.test(headerValue(request, 'cache-control') ?? '')) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const current = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === current);
}

/**
 * A GET (or HEAD) whose If-None-Match names the resource's ETag is answered 304 Not Modified,
 * without a body: clients' caches revalidate versioned resources this way.
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const etag = reply.getHeader('etag');
    if ((request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200 && typeof etag === 'string' && isFresh(request, etag)) {
      reply.code(304).removeHeader('content-type').removeHeader('content-length');
      return done(null, null);
    }
    done(null, payload);
  });
}
