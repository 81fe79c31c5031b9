import type { Role } from '@westgate/domain';

// Who may do what, as API.md lists it for the registry.
export const REGISTRARS = ['officer', 'admin'] as const satisfies readonly Role[];
export const STAFF_READERS = ['officer', 'reviewer', 'admin', 'analyst'] as const satisfies readonly Role[];
/** Staff, and an enterprise for its own record. */
export const ENTERPRISE_READERS = [...STAFF_READERS, 'enterprise'] as const satisfies readonly Role[];
export const ADMINS = ['admin'] as const satisfies readonly Role[];
export const HISTORY_READERS = ['officer', 'reviewer', 'admin'] as const satisfies readonly Role[];
