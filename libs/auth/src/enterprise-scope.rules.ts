import { NotFoundException } from '@nestjs/common';
import { isStaff, type AuthUser } from './auth-user';

/** Staff see every enterprise; anyone else only the one of its `enterprise_id`, with role `enterprise`. */
export function canSeeEnterprise(user: AuthUser, enterpriseId: string): boolean {
  if (isStaff(user)) return true;
  return (
    user.roles.includes('enterprise') &&
    user.enterpriseId !== undefined &&
    user.enterpriseId === enterpriseId.toLowerCase()
  );
}

/**
 * Throws 404 when the caller may not see this enterprise's data. Another enterprise's resource
 * must look exactly like a missing one, so pass the error the handler throws for "not found"
 * (`notFound`) to keep the two responses identical.
 */
export function assertCanSeeEnterprise(
  user: AuthUser,
  enterpriseId: string,
  notFound: () => Error = () => new NotFoundException('Not found'),
): void {
  if (!canSeeEnterprise(user, enterpriseId)) throw notFound();
}
