import { randomUUID } from 'node:crypto';
import { DEV_JWT_SECRET } from '@westgate/auth';
import { sign } from 'jsonwebtoken';
import { expiredToken, forgedToken, tokenFor } from '@westgate/testing';
import { GrantsFixture, people } from './grants-fixture';

type Caller = 'admin' | 'officer' | 'reviewer' | 'analyst' | 'enterpriseOwn' | 'enterpriseOther' | 'none' | 'forged' | 'expired';
const CALLERS: Caller[] = ['admin', 'officer', 'reviewer', 'analyst', 'enterpriseOwn', 'enterpriseOther', 'none', 'forged', 'expired'];
type Stage = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'DISBURSED';

interface Context {
  programmeId: string;
  enterpriseId: string;
  applicationId: string;
}

interface Endpoint {
  method: string;
  path: (c: Context) => string;
  body?: (c: Context) => unknown;
  /** The state the application must be in for the call to succeed. */
  stage?: Stage;
  success: number;
  allowed: Caller[];
}

const STAFF: Caller[] = ['admin', 'officer', 'reviewer', 'analyst'];

/** API.md's "who" column, endpoint by endpoint. */
const ENDPOINTS: Record<string, Endpoint> = {
  'POST /programmes': { method: 'POST', path: () => '/programmes', success: 201, allowed: ['admin'] },
  'GET /programmes': { method: 'GET', path: () => '/programmes', success: 200, allowed: STAFF },
  'GET /programmes/{id}': { method: 'GET', path: (c) => `/programmes/${c.programmeId}`, success: 200, allowed: STAFF },
  'PATCH /programmes/{id}': { method: 'PATCH', path: (c) => `/programmes/${c.programmeId}`, body: () => ({ budget: '1000000.00' }), success: 200, allowed: ['admin'] },
  'GET /enterprise-projection/{id}': { method: 'GET', path: (c) => `/enterprise-projection/${c.enterpriseId}`, success: 200, allowed: STAFF },
  'POST /applications': { method: 'POST', path: () => '/applications', success: 201, allowed: ['officer'] },
  'GET /applications': { method: 'GET', path: () => '/applications', success: 200, allowed: STAFF },
  'GET /applications/{id}': { method: 'GET', path: (c) => `/applications/${c.applicationId}`, success: 200, allowed: [...STAFF, 'enterpriseOwn'] },
  'PATCH /applications/{id}': { method: 'PATCH', path: (c) => `/applications/${c.applicationId}`, body: () => ({ title: 'Edited' }), stage: 'DRAFT', success: 200, allowed: ['officer'] },
  'GET /applications/{id}/timeline': { method: 'GET', path: (c) => `/applications/${c.applicationId}/timeline`, success: 200, allowed: [...STAFF, 'enterpriseOwn'] },
  'GET /applications/{id}/disbursements': { method: 'GET', path: (c) => `/applications/${c.applicationId}/disbursements`, success: 200, allowed: [...STAFF, 'enterpriseOwn'] },
  'POST /applications/{id}/submit': { method: 'POST', path: (c) => `/applications/${c.applicationId}/submit`, stage: 'DRAFT', success: 200, allowed: ['officer'] },
  'POST /applications/{id}/start-review': { method: 'POST', path: (c) => `/applications/${c.applicationId}/start-review`, stage: 'SUBMITTED', success: 200, allowed: ['reviewer'] },
  'POST /applications/{id}/approve': { method: 'POST', path: (c) => `/applications/${c.applicationId}/approve`, body: () => ({ approvedAmount: '100.00' }), stage: 'UNDER_REVIEW', success: 200, allowed: ['reviewer', 'admin'] },
  'POST /applications/{id}/reject': { method: 'POST', path: (c) => `/applications/${c.applicationId}/reject`, body: () => ({ reason: 'No' }), stage: 'UNDER_REVIEW', success: 200, allowed: ['reviewer', 'admin'] },
  'POST /applications/{id}/return': { method: 'POST', path: (c) => `/applications/${c.applicationId}/return`, body: () => ({ comment: 'Fix' }), stage: 'UNDER_REVIEW', success: 200, allowed: ['reviewer', 'admin'] },
  'POST /applications/{id}/withdraw': { method: 'POST', path: (c) => `/applications/${c.applicationId}/withdraw`, stage: 'SUBMITTED', success: 200, allowed: ['officer', 'enterpriseOwn'] },
  'POST /applications/{id}/disbursements': { method: 'POST', path: (c) => `/applications/${c.applicationId}/disbursements`, body: () => ({ amount: '10.00', reference: 'R' }), stage: 'APPROVED', success: 201, allowed: ['admin'] },
  'POST /applications/{id}/close': { method: 'POST', path: (c) => `/applications/${c.applicationId}/close`, stage: 'DISBURSED', success: 200, allowed: ['admin'] },
  'GET /me/applications': { method: 'GET', path: () => '/me/applications', success: 200, allowed: ['enterpriseOwn', 'enterpriseOther'] },
};

/** Enterprises may read their own applications: another's must look missing, not forbidden. */
const ENTERPRISE_SCOPED = new Set(['GET /applications/{id}', 'GET /applications/{id}/timeline', 'GET /applications/{id}/disbursements', 'POST /applications/{id}/withdraw']);

describe('authorisation matrix: every endpoint × every role, and no, forged or expired tokens', () => {
  let fx: GrantsFixture;
  let enterpriseId: string;
  let programmeId: string;
  let tokens: Record<Caller, string | undefined>;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    enterpriseId = await fx.enterprise({ tier: 'BACKBONE' });
    programmeId = (await fx.programme({ budget: '1000000.00' })).id;
    tokens = {
      admin: fx.token('admin'),
      officer: fx.token('officer'),
      reviewer: fx.token('reviewer'),
      analyst: fx.token('analyst'),
      enterpriseOwn: fx.enterpriseToken(enterpriseId),
      enterpriseOther: fx.enterpriseToken(randomUUID()),
      none: undefined,
      forged: forgedToken(people.admin),
      expired: expiredToken(people.admin),
    };
  });

  afterAll(async () => fx?.close());

  async function prepare(stage: Stage | undefined): Promise<Context> {
    const draft = await fx.draft(programmeId, enterpriseId, { requestedAmount: '100.00' });
    if (stage && stage !== 'DRAFT') await fx.advance(draft.id, stage === 'DISBURSED' ? 'DISBURSED' : stage);
    return { programmeId, enterpriseId, applicationId: draft.id };
  }

  function bodyFor(name: string, endpoint: Endpoint, c: Context): unknown {
    if (name === 'POST /programmes') return fx.programmeBody();
    if (name === 'POST /applications') return fx.applicationBody(c.programmeId, c.enterpriseId, { requestedAmount: '100.00' });
    return endpoint.body?.(c) ?? (endpoint.method === 'POST' || endpoint.method === 'PATCH' ? {} : undefined);
  }

  const call = (caller: Caller, name: string, endpoint: Endpoint, c: Context) =>
    fx.call(endpoint.method, endpoint.path(c), tokens[caller], bodyFor(name, endpoint, c));

  it.each(Object.entries(ENDPOINTS))('%s', async (name, endpoint) => {
    const shared = await prepare(endpoint.stage);
    const before = (await fx.call('GET', `/applications/${shared.applicationId}`, 'admin')).body;
    const outcomes: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const caller of CALLERS) {
      const allowed = endpoint.allowed.includes(caller);
      // A caller who may do it acts on an application of its own in the right state.
      const context = allowed ? await prepare(endpoint.stage) : shared;
      const res = await call(caller, name, endpoint, context);
      outcomes[caller] = res.status;
      expected[caller] = allowed
        ? endpoint.success
        : ['none', 'forged', 'expired'].includes(caller)
          ? 401
          : caller === 'enterpriseOther' && ENTERPRISE_SCOPED.has(name)
            ? 404
            : 403;
      if (!allowed) {
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe({ 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[expected[caller]] ?? res.body.code);
      }
    }
    expect(outcomes).toEqual(expected);
    // Refused calls changed nothing.
    expect((await fx.call('GET', `/applications/${shared.applicationId}`, 'admin')).body).toEqual(before);
  });

  it('an officer who did not submit it may not withdraw it (403), the one who did may', async () => {
    const c = await prepare('SUBMITTED');
    const other = await fx.call('POST', `/applications/${c.applicationId}/withdraw`, tokenFor(people.officer2), {});
    expect(other.status).toBe(403);
    expect((await fx.call('POST', `/applications/${c.applicationId}/withdraw`, 'officer', {})).status).toBe(200);
  });

  it('an enterprise token without its enterprise id is refused', async () => {
    const token = sign({ sub: 'x', roles: ['enterprise'] }, DEV_JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 });
    const res = await fx.call('GET', '/me/applications', token);
    expect(res.status).toBe(401);
  });

  it('health, metrics and docs need no token', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics', '/docs-json']) {
      const res = await fetch(`${fx.service.baseUrl}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });
});
