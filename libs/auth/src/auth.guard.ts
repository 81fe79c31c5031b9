import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@westgate/domain';
import type { FastifyReply } from 'fastify';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth-options';
import { hasAnyRole } from './auth-user';
import type { AuthenticatedRequest } from './authenticated-request';
import { InvalidTokenError } from './invalid-token.error';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { verifyToken } from './verify-token';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The global guard: a valid bearer token unless `@Public()`, then one of the `@Roles` if any. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Kafka handlers of a hybrid app pass through global guards too; they carry no token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<FastifyReply>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) {
      response.header('WWW-Authenticate', 'Bearer realm="westgate"');
      throw new UnauthorizedException('A bearer token is required');
    }
    try {
      request.user = verifyToken(token, this.options.secret);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      response.header('WWW-Authenticate', 'Bearer realm="westgate", error="invalid_token"');
      throw new UnauthorizedException(error.reason === 'expired' ? 'The token has expired' : 'The token is invalid');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles !== undefined && roles.length > 0 && !hasAnyRole(request.user, roles)) {
      throw new ForbiddenException(`Requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
