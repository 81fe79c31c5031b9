import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '../errors/problem.exception';
import { headerValue, type PlatformRequest } from './platform-request';

/** `application/json` and the structured-syntax suffix `+json`, with or without parameters. */
export const JSON_MEDIA_TYPES = /^application\/(?:[\w.+-]+\+)?json(?![\w.+-])/i;

const UTF8 = /^utf-?8$/i;

function malformed(detail: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'MALFORMED_JSON', detail);
}

function tooLarge(limit: number): ProblemException {
  return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', `The body exceeds the limit of ${limit} bytes`);
}

/** A JSON body this service cannot read whatever its bytes: compressed, or not UTF-8. */
function unreadable(request: PlatformRequest): ProblemException | undefined {
  const encoding = headerValue(request, 'content-encoding')?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', `Content-Encoding '${encoding}' is not accepted`);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headerValue(request, 'content-type') ?? '')?.[1];
  if (charset !== undefined && !UTF8.test(charset)) {
    return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', `charset '${charset}' is not accepted; use utf-8`);
  }
  return undefined;
}

/**
 * A JSON request body as the API takes it: an object or an array (an empty body is `{}`, for the
 * validation to name the missing fields).
 */
function parseJsonBody(text: string): { body: unknown } | { problem: ProblemException } {
  if (text.trim() === '') return { body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { problem: malformed(`The body is not valid JSON: ${(error as Error).message}`) };
  }
  if (typeof body !== 'object' || body === null) return { problem: malformed('The body must be a JSON object or array') };
  return { body };
}

/**
 * The platform's request bodies, in place of Fastify's parsers:
 *
 * - JSON (`application/json`, `application/*+json`) is read up to `limitBytes` and parsed
 *   strictly. A body that cannot be taken (malformed, too large, compressed, not UTF-8) is not
 *   answered here but left on the request (`bodyProblem`) for MediaTypeGuard: the body is read
 *   before any guard runs, and a caller without a valid token (or role) must hear 401 (403) first.
 * - Any other type, or none, is left unread: a handler that takes it (`@Consumes('text/csv')`)
 *   streams `request.raw` itself, so a large upload is never held in memory, and for every other
 *   handler MediaTypeGuard answers 415.
 */
export function registerBodyParsing(fastify: FastifyInstance, limitBytes: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_MEDIA_TYPES, (request: PlatformRequest, payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) chunks.push(chunk);
      else refuse(tooLarge(limitBytes));
    };
    const refuse = (problem: ProblemException) => {
      refused = true;
      request.bodyProblem = problem;
      // The rest of the body is read and dropped, so that the connection stays usable.
      payload.off('data', onData);
      payload.resume();
      done(null, undefined);
    };
    const problem = unreadable(request) ?? (Number(request.headers['content-length']) > limitBytes ? tooLarge(limitBytes) : undefined);
    if (problem !== undefined) return refuse(problem);
    payload.on('data', onData);
    payload.once('end', () => {
      if (refused) return;
      const parsed = parseJsonBody(Buffer.concat(chunks, received).toString('utf8'));
      if ('problem' in parsed) return refuse(parsed.problem);
      done(null, parsed.body);
    });
    // An aborted upload: Fastify closes the request; there is nobody left to answer.
    payload.once('error', (error) => {
      if (!refused) done(error);
    });
  });
  fastify.addContentTypeParser('*', (_request: PlatformRequest, _payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) =>
    done(null, undefined),
  );
}
