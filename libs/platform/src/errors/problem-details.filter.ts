import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { CORRELATION_ID_HEADER } from '../correlation/correlation-id';
import type { PlatformReply, PlatformRequest } from '../http/platform-request';
import {
  PROBLEM_CONTENT_TYPE,
  codeForStatus,
  problemTitle,
  problemType,
  type ProblemDetails,
} from './problem-details';
import { ProblemException } from './problem.exception';

const INTERNAL_DETAIL = 'An unexpected error occurred; quote the correlation id when reporting it.';

/** The problem members an exception determines; the request fills in the rest. */
interface ProblemCore {
  status: number;
  code: string;
  detail: string;
  extras?: Readonly<Record<string, unknown>>;
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return exception.message;
}

function problemCore(exception: unknown): ProblemCore {
  if (exception instanceof ProblemException) {
    return { status: exception.getStatus(), code: exception.code, detail: exception.detail, extras: exception.extras };
  }
  // Fastify's own 4xx errors (FST_ERR_…) arrive here as HttpExceptions: Nest maps them.
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // A 500 is a bug whatever raised it; its message is for the log, not for the client.
    const detail = status === HttpStatus.INTERNAL_SERVER_ERROR ? INTERNAL_DETAIL : httpExceptionDetail(exception);
    return { status, code: codeForStatus(status), detail };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', detail: INTERNAL_DETAIL };
}

function requestPath(request: PlatformRequest): string {
  try {
    return new URL(request.url, 'http://localhost').pathname;
  } catch {
    return request.url.split('?')[0];
  }
}

/**
 * Writes `exception` as the request's `application/problem+json` answer; anything that is not an
 * HttpException is a 500 INTERNAL_ERROR, logged with its stack and never shown.
 */
export function sendProblem(exception: unknown, request: PlatformRequest, reply: PlatformReply, logger: Logger): void {
  const { status, code, detail, extras } = problemCore(exception);
  if (status === HttpStatus.INTERNAL_SERVER_ERROR) logger.error(exception);

  if (reply.sent || reply.raw.headersSent) {
    // Part of a streamed body is out; the status cannot change any more, so cut it short.
    reply.raw.destroy();
    return;
  }
  const correlationId = request.correlationId ?? reply.getHeader(CORRELATION_ID_HEADER);
  const problem: ProblemDetails = {
    ...extras,
    type: problemType(code),
    title: problemTitle(code),
    status,
    detail,
    code,
    instance: requestPath(request),
    ...(typeof correlationId === 'string' && { correlationId }),
  };
  void reply.status(status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(problem));
}

/** Every error of an HTTP request, written as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // Kafka handlers of a hybrid app reach global filters too; their errors belong to messaging.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<PlatformRequest>(), http.getResponse<PlatformReply>(), this.logger);
  }
}
