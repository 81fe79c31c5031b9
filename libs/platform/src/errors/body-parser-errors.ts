import { HttpStatus } from '@nestjs/common';
import type { ErrorMiddleware, PlatformRequest } from '../http/platform-request';
import { codeForStatus } from './problem-details';
import { ProblemException } from './problem.exception';

/** What body-parser (through http-errors) attaches to the errors it passes on. */
interface BodyParserError {
  status: number;
  type?: unknown;
  limit?: unknown;
  message: string;
  expose?: unknown;
  /** The raw body, on parse errors. */
  body?: unknown;
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isBodyParserError(error: unknown): error is BodyParserError {
  if (!(error instanceof Error)) return false;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  // http-errors marks the errors whose message is meant for the client with `expose`.
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

/** The problem for a request-body error of body-parser, or `undefined` when it is not one. */
export function bodyParserProblem(error: unknown): ProblemException | undefined {
  if (!isBodyParserError(error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new ProblemException(
        HttpStatus.BAD_REQUEST,
        'MALFORMED_JSON',
        // The strict parser refuses JSON such as `null` or `5` too: say so rather than "not valid".
        isJson(error.body) ? 'The body must be a JSON object or array' : `The body is not valid JSON: ${error.message}`,
      );
    case 'entity.too.large':
      return new ProblemException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'PAYLOAD_TOO_LARGE',
        typeof error.limit === 'number' ? `The body exceeds the limit of ${error.limit} bytes` : 'The body is too large',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', error.message);
    default:
      return new ProblemException(error.status, codeForStatus(error.status), error.message);
  }
}

const BODY_PROBLEM = Symbol('westgate.bodyProblem');

/**
 * Mounted right after the body parser. Nest turns a JSON syntax error into a plain 400 before
 * filters see it, losing what kind of error it was; translating here keeps MALFORMED_JSON and
 * PAYLOAD_TOO_LARGE distinct.
 *
 * The problem is not answered here but left on the request for MediaTypeGuard, which runs after
 * the auth guard: the body is parsed before any guard, and a caller without a valid token (or
 * without the role) must hear 401 (403) first, as for any other request.
 */
export const bodyParserErrorMiddleware: ErrorMiddleware = (error, request, _response, next) => {
  const problem = bodyParserProblem(error);
  if (problem === undefined) return next(error);
  (request as PlatformRequest & { [BODY_PROBLEM]?: ProblemException })[BODY_PROBLEM] = problem;
  next();
};

/** What was wrong with the request's body, left by bodyParserErrorMiddleware; undefined when nothing. */
export function bodyProblemOf(request: PlatformRequest): ProblemException | undefined {
  return (request as PlatformRequest & { [BODY_PROBLEM]?: ProblemException })[BODY_PROBLEM];
}
