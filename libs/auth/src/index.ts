// Roles are the domain's; re-exported because every user of auth needs them.
export { ROLES, STAFF_ROLES, isRole, type Role } from '@westgate/domain';
export { hasAnyRole, isStaff, type AuthUser } from './auth-user';
export type { TokenClaims } from './token-claims';
export { InvalidTokenError } from './invalid-token.error';
export { verifyToken } from './verify-token';
export { signToken, type SignTokenOptions } from './sign-token';
export { DEV_JWT_SECRET, MIN_PRODUCTION_SECRET_LENGTH, jwtSecretProblem, resolveJwtSecret } from './jwt-secret';
export { IS_PUBLIC_KEY, Public } from './public.decorator';
export { ROLES_KEY, Roles } from './roles.decorator';
export { CurrentUser } from './current-user.decorator';
export type { AuthenticatedRequest } from './authenticated-request';
export { AUTH_OPTIONS, type AuthModuleOptions } from './auth-options';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
export { assertCanSeeEnterprise, canSeeEnterprise } from './enterprise-scope.rules';
