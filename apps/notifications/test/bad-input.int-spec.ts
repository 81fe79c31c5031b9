import fc from 'fast-check';
import { ApplicationApproved, ExportDeclineAlert } from '@westgate/contracts';
import { http, tokenFor, type HttpResult, type TestCaller } from '@westgate/testing';
import { startNotifications, type NotificationsFixture } from './support/fixture';

/**
 * Whatever a client sends to `preferences` and `webhooks`, the answer is a 2xx for what is valid
 * and a 4xx problem+json for what is not, never a 5xx.
 */
describe('bad input on preferences and webhooks', () => {
  let fx: NotificationsFixture;
  const admin: TestCaller = { sub: 'admin-omar', roles: ['admin'] };
  const officer: TestCaller = { sub: 'officer-ann', roles: ['officer'] };

  beforeAll(async () => {
    fx = await startNotifications({ DELIVERY_WORKER_ENABLED: 'false' });
  });

  afterAll(async () => {
    await fx?.close();
  });

  function expectClientErrorOrSuccess(response: HttpResult, context: unknown): void {
    if (response.status >= 500) throw new Error(`5xx for ${JSON.stringify(context)}: ${JSON.stringify(response.body)}`);
    if (response.status >= 400) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(typeof response.body.code).toBe('string');
      expect(response.body.status).toBe(response.status);
    }
  }

  const raw = (method: string, path: string, caller: TestCaller, rawBody: string, contentType = 'application/json') =>
    http(fx.service.baseUrl, method, `/api/v1${path}`, { token: tokenFor(caller), rawBody, headers: { 'content-type': contentType } });

  const eventType = fc.constantFrom(ApplicationApproved.type, ExportDeclineAlert.type, 'westgate.grants.application.submitted.v1');
  const switches = fc.dictionary(fc.constantFrom('inApp', 'email', 'webhook', 'sms', '__proto__', 'constructor'), fc.oneof(fc.boolean(), fc.anything()));
  const preferenceBodies = fc.oneof(
    fc.anything(),
    fc.record(
      {
        locale: fc.oneof(fc.constantFrom('en', 'zh-CN', 'zh-cn', 'fr', '', null), fc.string()),
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(null), fc.integer()),
        channels: fc.oneof(
          fc.dictionary(fc.oneof(eventType, fc.string(), fc.constant('__proto__')), fc.oneof(switches, fc.anything())),
          fc.anything(),
        ),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  );

  it('PUT /preferences: never 5xx; invalid values are 400 VALIDATION_FAILED naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(preferenceBodies, async (body) => {
        const response = await fx.api('PUT', '/preferences', officer, body);
        expectClientErrorOrSuccess(response, body);
      }),
      { numRuns: 150 },
    );
    const cases: Array<[unknown, string]> = [
      [{ locale: 'fr' }, 'locale'],
      [{ locale: null }, 'locale'],
      [{ email: 'not-an-address' }, 'email'],
      [{ channels: { 'westgate.nope.v1': { inApp: true } } }, 'channels'],
      [{ channels: { [ApplicationApproved.type]: { email: 'yes' } } }, 'channels'],
      [{ channels: { [ApplicationApproved.type]: { sms: true } } }, 'channels'],
      [{ channels: [] }, 'channels'],
      [{ unknownField: 1 }, 'unknownField'],
    ];
    for (const [body, field] of cases) {
      const response = await fx.api('PUT', '/preferences', officer, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // The preferences of that officer are still the defaults' shape after all of it.
    const current = await fx.api('GET', '/preferences', officer);
    expect(current.status).toBe(200);
    expect(Object.keys(current.body.channels)).toHaveLength(14);
  });

  it('PUT /preferences: malformed JSON, other media types and huge bodies are 4xx', async () => {
    expect((await raw('PUT', '/preferences', officer, '{"locale": "en"')).status).toBe(400);
    expect((await raw('PUT', '/preferences', officer, 'locale=en', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await raw('PUT', '/preferences', officer, JSON.stringify({ email: `${'a'.repeat(2_000_000)}@x.example` }))).status).toBe(413);
    expect((await raw('PUT', '/preferences', officer, '[]')).status).toBe(400);
  });

  const badUrls = fc.oneof(
    fc.constantFrom(
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://hooks.example.com/x',
      'data:text/plain,hi',
      'https://user:pass@hooks.example.com/x',
      'https://user@hooks.example.com/x',
      'http://',
      '//hooks.example.com/x',
      'hooks.example.com/x',
      'https://hooks.example.com/x#frag',
      'https://hooks.example.com/a b',
      ' https://hooks.example.com/x',
      'HTTPS:/hooks.example.com',
      'gopher://hooks.example.com',
      'ws://hooks.example.com',
      '',
    ),
    fc.string().filter((s) => !/^https?:\/\//i.test(s)),
    fc.webUrl().map((url) => url.replace(/^https?/, 'javascript')),
    fc.webUrl({ withFragments: true }).filter((url) => url.includes('#')),
  );

  it('POST /webhooks: never 5xx; a URL that is not plain http(s) is 400 on `url`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ url: fc.anything(), eventTypes: fc.anything(), secret: fc.anything() }, { requiredKeys: [] })), async (body) => {
        const response = await fx.api('POST', '/webhooks', admin, body);
        expectClientErrorOrSuccess(response, body);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(badUrls, async (url) => {
        const response = await fx.api('POST', '/webhooks', admin, { url, eventTypes: [ExportDeclineAlert.type], secret: 'whsec-1' });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ validSchemes: ['http', 'https'] }), async (url) => {
        const response = await fx.api('POST', '/webhooks', admin, { url, eventTypes: [ExportDeclineAlert.type], secret: 'whsec-1' });
        expect(response.status).toBe(201);
      }),
      { numRuns: 40 },
    );
  });

  it('POST /webhooks: bad event types and secrets are 400, a JSON array or garbage is 4xx', async () => {
    const url = 'https://hooks.example.com/westgate';
    const cases: Array<[unknown, string]> = [
      [{ url, eventTypes: [], secret: 's' }, 'eventTypes'],
      [{ url, eventTypes: ['westgate.grants.application.approved.v9'], secret: 's' }, 'eventTypes'],
      [{ url, eventTypes: [ExportDeclineAlert.type, ExportDeclineAlert.type], secret: 's' }, 'eventTypes'],
      [{ url, eventTypes: ExportDeclineAlert.type, secret: 's' }, 'eventTypes'],
      [{ url, eventTypes: [ExportDeclineAlert.type], secret: '' }, 'secret'],
      [{ url, eventTypes: [ExportDeclineAlert.type], secret: 'x'.repeat(257) }, 'secret'],
      [{ url, eventTypes: [ExportDeclineAlert.type] }, 'secret'],
      [{ url, eventTypes: [ExportDeclineAlert.type], secret: 's', active: false }, 'active'],
    ];
    for (const [body, field] of cases) {
      const response = await fx.api('POST', '/webhooks', admin, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await raw('POST', '/webhooks', admin, '[1,2]')).status).toBe(400);
    expect((await raw('POST', '/webhooks', admin, '{"url":')).status).toBe(400);
    expect((await fx.api('GET', '/webhooks/not-a-uuid/deliveries', admin)).status).toBe(400);
    expect((await fx.api('GET', '/webhooks/3f0d8a0e-9a53-4f5e-8a59-2f4f6a1c0b11/deliveries?limit=0', admin)).status).toBe(400);
  });

  it('marking read takes no body: a field is 400 naming it, not silently ignored', async () => {
    const unknownId = '3f0d8a0e-9a53-4f5e-8a59-2f4f6a1c0b11';
    const refused = await fx.api('POST', `/notifications/${unknownId}/read`, officer, { readAt: '2020-01-01T00:00:00Z' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['readAt']);
    expect((await raw('POST', `/notifications/${unknownId}/read`, officer, '[]')).status).toBe(400);
    // No body, or an empty object, goes on to the handler (here: no such notification).
    expect((await fx.api('POST', `/notifications/${unknownId}/read`, officer, {})).status).toBe(404);
    expect((await fx.api('POST', `/notifications/${unknownId}/read`, officer)).status).toBe(404);
    expect((await fx.api('POST', '/notifications/read-all', officer, { foo: 1 })).status).toBe(400);
    expect((await fx.api('POST', '/notifications/read-all', officer)).status).toBe(200);
  });

  it('lists: limit from 1 to 500, an empty cursor is the first page, a cursor not ours is 400 on `cursor`', async () => {
    const webhook = await fx.api('POST', '/webhooks', admin, { url: 'https://hooks.example.com/lists', eventTypes: [ExportDeclineAlert.type], secret: 's' });
    expect(webhook.status).toBe(201);
    for (const path of ['/notifications', '/webhooks', `/webhooks/${webhook.body.id}/deliveries`]) {
      for (const query of ['?cursor=', '?limit=500', '?limit=1&cursor=']) {
        const response = await fx.api('GET', `${path}${query}`, admin);
        expect({ path, query, status: response.status }).toEqual({ path, query, status: 200 });
        expect(response.body).toEqual({ items: expect.any(Array), nextCursor: response.body.nextCursor });
      }
      for (const [query, field] of [['?limit=501', 'limit'], ['?limit=0', 'limit'], ['?limit=ten', 'limit'], ['?cursor=not!ours', 'cursor']]) {
        const response = await fx.api('GET', `${path}${query}`, admin);
        expect({ path, query, status: response.status, code: response.body.code }).toEqual({ path, query, status: 400, code: 'VALIDATION_FAILED' });
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
  });

  it('documents every endpoint in the OpenAPI document', async () => {
    const response = await http(fx.service.baseUrl, 'GET', '/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/notifications',
        '/api/v1/notifications/unread-count',
        '/api/v1/notifications/{id}/read',
        '/api/v1/preferences',
        '/api/v1/webhooks',
        '/api/v1/webhooks/{id}/deliveries',
      ]),
    );
  });
});
