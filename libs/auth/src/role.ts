// The roles a Westgate token may carry (API.md, "Auth"). Kept here until `@westgate/domain`
// exports `ROLES`/`Role`; then this file becomes a re-export of the domain's catalogue.
export const ROLES = ['admin', 'officer', 'reviewer', 'analyst', 'enterprise'] as const;

export type Role = (typeof ROLES)[number];

/** Every role but `enterprise`: programme staff, who see all enterprises. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'officer', 'reviewer', 'analyst'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
