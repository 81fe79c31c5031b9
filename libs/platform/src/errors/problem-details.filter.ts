import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { throwError, type Observable } from 'rxjs';
import { CORRELATION_ID_HEADER } from '../correlation/correlation-id';
import type { PlatformRequest } from '../http/platform-request';
import { bodyParserProblem } from './body-parser-errors';
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
  const translated = bodyParserProblem(exception) ?? exception;
  if (translated instanceof ProblemException) {
    return { status: translated.getStatus(), code: translated.code, detail: translated.detail, extras: translated.extras };
  }
  if (translated instanceof HttpException) {
    const status = translated.getStatus();
    // A 500 is a bug whatever raised it; its message is for the log, not for the client.
    const detail = status === HttpStatus.INTERNAL_SERVER_ERROR ? INTERNAL_DETAIL : httpExceptionDetail(translated);
    return { status, code: codeForStatus(status), detail };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', detail: INTERNAL_DETAIL };
}

function requestPath(request: PlatformRequest): string {
  return new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost').pathname;
}

/**
 * Every error of an HTTP request, written as `application/problem+json` (RFC 9457). Anything
 * that is not an HttpException is a 500 INTERNAL_ERROR, logged with its stack and never shown.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    // Kafka handlers of a hybrid app reach global filters too; their errors belong to messaging.
    if (host.getType() !== 'http') return throwError(() => exception);

    const http = host.switchToHttp();
    const request = http.getRequest<PlatformRequest>();
    const response = http.getResponse<ServerResponse>();
    const { status, code, detail, extras } = problemCore(exception);
    if (status === HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(exception);

    if (response.headersSent) {
      // Part of a streamed body is out; the status cannot change any more, so cut it short.
      response.destroy();
      return;
    }
    const correlationId = request.correlationId ?? response.getHeader(CORRELATION_ID_HEADER);
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
    const body = JSON.stringify(problem);
    response.statusCode = status;
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.setHeader('Content-Length', Buffer.byteLength(body));
    response.end(body);
  }
}
