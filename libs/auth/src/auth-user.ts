import { STAFF_ROLES, type Role } from '@westgate/domain';

/** The caller, as verified from its token; handlers receive it through `@CurrentUser()`. */
export interface AuthUser {
  /** The token's `sub`. */
  readonly id: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  /** The token's `enterprise_id`; always present when `roles` includes `enterprise`. */
  readonly enterpriseId?: string;
}

export function hasAnyRole(user: AuthUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** Staff see every enterprise; a caller with role `enterprise` alone sees only its own. */
export function isStaff(user: AuthUser): boolean {
  return hasAnyRole(user, STAFF_ROLES);
}
