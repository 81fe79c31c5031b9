import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';

/** The HTTP request once the guard has let it in; `user` is absent on `@Public()` handlers. */
export interface AuthenticatedRequest extends FastifyRequest {
  user?: AuthUser;
}
