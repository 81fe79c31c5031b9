import { isRole, type Role } from '@westgate/domain';
import type { AuthUser } from './auth-user';

/** What a Westgate token says, in the wire names of API.md (`exp` is added by signing). */
export interface TokenClaims {
  sub: string;
  name?: string;
  roles: Role[];
  enterprise_id?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the claim shapes and turns them into an `AuthUser`; returns the reason when they are
 * not acceptable. Unknown roles make the whole token invalid rather than being dropped, so a
 * typo in a minting tool shows up at once instead of as a mysterious 403.
 */
export function claimsToUser(payload: Record<string, unknown>): AuthUser | string {
  const { sub, name, roles, enterprise_id: enterpriseId } = payload;
  if (typeof sub !== 'string' || sub.trim() === '') return 'sub must be a non-empty string';
  if (name !== undefined && typeof name !== 'string') return 'name must be a string';
  if (!Array.isArray(roles)) return 'roles must be an array';
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) return `unknown roles: ${unknown.map((role) => String(role)).join(', ')}`;
  const knownRoles = [...new Set(roles as Role[])];
  if (enterpriseId !== undefined && (typeof enterpriseId !== 'string' || !UUID.test(enterpriseId))) {
    return 'enterprise_id must be a UUID';
  }
  if (knownRoles.includes('enterprise') && enterpriseId === undefined) {
    return 'enterprise_id is required with role enterprise';
  }
  return {
    id: sub,
    roles: knownRoles,
    ...(name !== undefined && { name }),
    ...(enterpriseId !== undefined && { enterpriseId: enterpriseId.toLowerCase() }),
  };
}
