import type { Role } from '@westgate/domain';
import { expiredToken, forgedToken, tokenFor } from '@westgate/testing';
import { registration, startRegistry, type RegistryFixture } from './registry-fixture';

/**
 * Every endpoint × every kind of caller → the status API.md implies: the roles it lists get the
 * success status; an enterprise reading its own record too, another's looks missing (404); other
 * authenticated callers 403; no token, a forged or an expired one 401.
 */

type Caller = 'admin' | 'officer' | 'reviewer' | 'analyst' | 'enterprise (own)' | 'enterprise (other)' | 'no token' | 'forged token' | 'expired token';
const CALLERS: Caller[] = ['admin', 'officer', 'reviewer', 'analyst', 'enterprise (own)', 'enterprise (other)', 'no token', 'forged token', 'expired token'];
const STAFF: Role[] = ['admin', 'officer', 'reviewer', 'analyst'];
const MATRIX_CYCLE = 2060;

interface Target {
  id: string;
  uscc: string;
}

interface Endpoint {
  name: string;
  /** Roles allowed (staff roles by name; `enterprise` = an enterprise caller for its own record). */
  allowed: readonly (Role | 'enterprise (own)')[];
  success: number;
  /** An enterprise caller may see its own record here; another enterprise's is a 404. */
  ownScoped?: boolean;
  /** Sets up what a successful call needs (fresh, so that calls do not depend on each other). */
  prepare?: (fx: RegistryFixture, target: Target) => Promise<void>;
  request: (target: Target) => { method: string; path: string; body?: unknown };
}

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /enterprises', allowed: ['officer', 'admin'], success: 201, request: () => ({ method: 'POST', path: '/enterprises', body: registration() }) },
  { name: 'GET /enterprises/{id}', allowed: [...STAFF, 'enterprise (own)'], ownScoped: true, success: 200, request: (t) => ({ method: 'GET', path: `/enterprises/${t.id}` }) },
  {
    name: 'GET /enterprises/by-uscc/{uscc}',
    allowed: [...STAFF, 'enterprise (own)'],
    ownScoped: true,
    success: 200,
    request: (t) => ({ method: 'GET', path: `/enterprises/by-uscc/${t.uscc}` }),
  },
  { name: 'GET /enterprises', allowed: STAFF, success: 200, request: () => ({ method: 'GET', path: '/enterprises?limit=5' }) },
  { name: 'PATCH /enterprises/{id}', allowed: ['officer', 'admin'], success: 200, request: (t) => ({ method: 'PATCH', path: `/enterprises/${t.id}`, body: { name: 'Matrix Renamed Co.' } }) },
  {
    name: 'POST /enterprises/{id}/designations',
    allowed: ['admin'],
    success: 201,
    request: (t) => ({ method: 'POST', path: `/enterprises/${t.id}/designations`, body: { tier: 'POTENTIAL', cycle: MATRIX_CYCLE, reason: 'matrix' } }),
  },
  {
    name: 'DELETE /enterprises/{id}/designations/{cycle}',
    allowed: ['admin'],
    success: 204,
    prepare: async (fx, t) => {
      const response = await fx.call('POST', `/enterprises/${t.id}/designations`, { role: 'admin', body: { tier: 'BACKBONE', cycle: MATRIX_CYCLE, reason: 'to revoke' } });
      expect(response.status).toBe(201);
    },
    request: (t) => ({ method: 'DELETE', path: `/enterprises/${t.id}/designations/${MATRIX_CYCLE}?reason=matrix` }),
  },
  { name: 'POST /enterprises/{id}/deactivate', allowed: ['admin'], success: 200, request: (t) => ({ method: 'POST', path: `/enterprises/${t.id}/deactivate` }) },
  { name: 'GET /enterprises/{id}/history', allowed: ['officer', 'reviewer', 'admin'], success: 200, request: (t) => ({ method: 'GET', path: `/enterprises/${t.id}/history` }) },
  { name: 'GET /designations/quota', allowed: STAFF, success: 200, request: () => ({ method: 'GET', path: `/designations/quota?cycle=${MATRIX_CYCLE}` }) },
  { name: 'GET /zones', allowed: [...STAFF, 'enterprise (own)'], success: 200, request: () => ({ method: 'GET', path: '/zones' }) },
];

function expectedStatus(endpoint: Endpoint, caller: Caller): number {
  if (caller === 'no token' || caller === 'forged token' || caller === 'expired token') return 401;
  if (caller === 'enterprise (other)') return endpoint.allowed.includes('enterprise (own)') ? (endpoint.ownScoped ? 404 : endpoint.success) : 403;
  return endpoint.allowed.includes(caller) ? endpoint.success : 403;
}

function tokenOf(caller: Caller, own: string, other: string): string | undefined {
  switch (caller) {
    case 'no token':
      return undefined;
    case 'forged token':
      return forgedToken({ roles: ['admin'], sub: 'mallory' });
    case 'expired token':
      return expiredToken({ roles: ['admin'], sub: 'late' });
    case 'enterprise (own)':
      return tokenFor({ roles: ['enterprise'], sub: 'ent-user', enterpriseId: own });
    case 'enterprise (other)':
      return tokenFor({ roles: ['enterprise'], sub: 'ent-user', enterpriseId: other });
    default:
      return tokenFor({ roles: [caller], sub: `${caller}-matrix` });
  }
}

const CASES = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.name, caller, expectedStatus(endpoint, caller), endpoint] as const));

describe('enterprise-registry: authorisation matrix', () => {
  let fx: RegistryFixture;
  let bystander: Target;

  beforeAll(async () => {
    fx = await startRegistry();
    bystander = await fx.register();
  });

  afterAll(async () => {
    await fx?.close();
  });

  it.each(CASES)('%s as %s → %i', async (_, caller, expected, endpoint) => {
    const target: Target = await fx.register();
    await endpoint.prepare?.(fx, target);
    const { method, path, body } = endpoint.request(target);
    const token = tokenOf(caller, target.id, bystander.id);
    const response = await fx.call(method, path, { body, token: token ?? '' });
    expect(response.status).toBe(expected);
    if (expected >= 400) {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe({ 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'ENTERPRISE_NOT_FOUND' }[expected]);
    }
  });
});
