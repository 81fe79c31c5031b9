import { HttpStatus, Injectable, Module, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { JSON_MEDIA_TYPES } from '../http/body-parsing';
import { hasBody, type PlatformRequest } from '../http/platform-request';
import { CONSUMES_KEY } from './consumes.decorator';
import { ProblemException } from './problem.exception';

const JSON_TYPES = ['application/json'];

/** `application/json` admits what the body parsing reads as JSON: also `application/merge-patch+json`. */
function accepts(allowed: readonly string[], mediaType: string): boolean {
  return allowed.some((type) => type === mediaType || (type === 'application/json' && JSON_MEDIA_TYPES.test(mediaType)));
}

/**
 * The body's problem, once the caller is authenticated: what the body parser found wrong
 * (MALFORMED_JSON, PAYLOAD_TOO_LARGE; see registerBodyParsing), else
 * 415 UNSUPPORTED_MEDIA_TYPE for a request body of a type the handler does not take (JSON
 * unless `@Consumes` says otherwise). Bodies of other types are left unread for the handlers
 * that stream them, so without it a `text/plain` body would silently reach a JSON handler as
 * no body at all. A guard, not an interceptor: with
 * no global interceptor Nest skips its interceptor chain, whose async-context bookkeeping cost
 * more per request than most handlers.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<PlatformRequest>();
      if (request.bodyProblem !== undefined) throw request.bodyProblem;
      if (hasBody(request)) {
        const allowed =
          this.reflector.getAllAndOverride<string[] | undefined>(CONSUMES_KEY, [context.getHandler(), context.getClass()]) ??
          JSON_TYPES;
        const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (!accepts(allowed, mediaType)) {
          throw new ProblemException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            'UNSUPPORTED_MEDIA_TYPE',
            `Content-Type '${mediaType || '(none)'}' is not accepted here; use ${allowed.join(' or ')}`,
          );
        }
      }
    }
    return true;
  }
}

/**
 * Registers MediaTypeGuard globally. A module of its own so that PlatformModule can import it
 * after AuthModule: Nest runs global guards in the order their modules are scanned, and a caller
 * without a valid token must hear 401 before anything about its body.
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: MediaTypeGuard }] })
export class MediaTypeModule {}
