import { DEV_JWT_SECRET, signToken, type Role } from '@westgate/auth';

// Test services run with NODE_ENV=test and the development secret.
const TEST_JWT_SECRET = DEV_JWT_SECRET;

export interface TestCaller {
  sub?: string;
  roles: Role[];
  enterpriseId?: string;
  name?: string;
}

/** A valid bearer token for a test caller, signed with the test services' secret. */
export function tokenFor(caller: TestCaller, expiresIn = 600): string {
  return signToken(
    {
      sub: caller.sub ?? `${caller.roles.join('-')}-user`,
      roles: caller.roles,
      ...(caller.enterpriseId ? { enterprise_id: caller.enterpriseId } : {}),
      ...(caller.name ? { name: caller.name } : {}),
    },
    TEST_JWT_SECRET,
    { expiresIn },
  );
}

/** `Authorization` header for `fetch`. */
export function bearer(caller: TestCaller): Record<string, string> {
  return { authorization: `Bearer ${tokenFor(caller)}` };
}

/** Signed with another secret: must be refused with 401. */
export function forgedToken(caller: TestCaller): string {
  return signToken({ sub: caller.sub ?? 'forger', roles: caller.roles }, 'not-the-secret-not-the-secret-not-the', { expiresIn: 600 });
}

/** Signed correctly but expired a minute ago: must be refused with 401. */
export function expiredToken(caller: TestCaller): string {
  return signToken(
    { sub: caller.sub ?? 'late', roles: caller.roles, ...(caller.enterpriseId ? { enterprise_id: caller.enterpriseId } : {}) },
    TEST_JWT_SECRET,
    { expiresIn: -60 },
  );
}
