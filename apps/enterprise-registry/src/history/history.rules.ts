import type { AuthUser } from '@westgate/auth';
import type { Role } from '@westgate/domain';

export const HISTORY_ACTIONS = ['REGISTERED', 'UPDATED', 'TIER_DESIGNATED', 'TIER_REVOKED', 'DEACTIVATED'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Who made a change, and in which of his or her roles. */
export interface Actor {
  sub: string;
  name: string | null;
  role: Role;
}

/**
 * The caller as the history records it. The role is the first of the endpoint's roles that the
 * caller holds (a caller with several roles acts in the one the endpoint asks for).
 */
export function actorOf(user: AuthUser, allowedRoles: readonly Role[]): Actor {
  const role = allowedRoles.find((allowed) => user.roles.includes(allowed)) ?? user.roles[0];
  if (role === undefined) throw new Error('an authenticated caller always has a role');
  return { sub: user.id, name: user.name ?? null, role };
}
