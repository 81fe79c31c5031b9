import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { validationProblem, type PlatformRequest } from '@westgate/platform';
import type { Observable } from 'rxjs';

/**
 * Own keys of a plain object that the validation pipe would drop without a word: members of
 * Object.prototype (`toString`, `__proto__`, `constructor`, …), which class-transformer skips,
 * and `prototype`, which Nest's ValidationPipe deletes against prototype pollution.
 */
export function inheritedKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((key) => key in Object.prototype || key === 'prototype');
}

/**
 * Refuses body and query fields named like Object.prototype members (or `prototype`). The
 * platform's strict validation pipe drops them silently instead of answering "should not exist",
 * so the whitelist never sees them; until it refuses them itself, this does, before the pipes run.
 */
@Injectable()
export class InheritedKeysInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<PlatformRequest & { body?: unknown; query?: unknown }>();
    const keys = [...inheritedKeys(request.body), ...inheritedKeys(request.query)];
    if (keys.length > 0) {
      throw validationProblem(keys.map((key) => ({ field: key, message: `property ${key} should not exist` })));
    }
    return next.handle();
  }
}
