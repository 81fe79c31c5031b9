/** Roles carried in the JWT `roles` claim (lower case, as in the API contract). */
export const ROLES = ['admin', 'officer', 'reviewer', 'analyst', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone but enterprises: people who work for the programme. */
export const STAFF_ROLES = ['admin', 'officer', 'reviewer', 'analyst'] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
