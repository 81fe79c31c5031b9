import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { validationProblem, type PlatformRequest } from '@westgate/platform';

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
 * Refuses body and query fields named like Object.prototype members (or `prototype`) with the
 * 400 the validation pipe gives any other unknown field; the pipe itself drops them silently.
 * A guard rather than an interceptor: it runs before the pipes (after the auth guard, so 401 and
 * 403 come first) without the cost of an interceptor chain.
 */
@Injectable()
export class InheritedKeysGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<PlatformRequest & { body?: unknown; query?: unknown }>();
    const keys = [...inheritedKeys(request.body), ...inheritedKeys(request.query)];
    if (keys.length > 0) {
      throw validationProblem(keys.map((key) => ({ field: key, message: `property ${key} should not exist` })));
    }
    return true;
  }
}
