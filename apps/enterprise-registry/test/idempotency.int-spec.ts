import { randomUUID } from 'node:crypto';
import { registration, startRegistry, writeCounts, type RegistryFixture } from './registry-fixture';

/** `Idempotency-Key` on the registry's POSTs (the platform implements it; this checks it here). */
describe('enterprise-registry: Idempotency-Key', () => {
  let fx: RegistryFixture;

  beforeAll(async () => {
    fx = await startRegistry();
  });

  afterAll(async () => {
    await fx?.close();
  });

  async function twice(path: string, body: unknown, role: 'officer' | 'admin') {
    const headers = { 'idempotency-key': randomUUID() };
    const before = await writeCounts(fx.db);
    const first = await fx.call('POST', path, { role, body, headers });
    const afterFirst = await writeCounts(fx.db);
    const second = await fx.call('POST', path, { role, body, headers });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    // The very same body, not an equal one: the fields in the same order.
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    // The replay wrote nothing: no second row, history entry or event.
    const { enterprises, designations, history, outbox } = await writeCounts(fx.db);
    expect({ enterprises, designations, history, outbox }).toEqual({
      enterprises: afterFirst.enterprises,
      designations: afterFirst.designations,
      history: afterFirst.history,
      outbox: afterFirst.outbox,
    });
    return { first, second, headers, before };
  }

  it('POST /enterprises: the same key and body returns the first 201 with its Location, once', async () => {
    const body = registration();
    const { first, second, headers } = await twice('/enterprises', body, 'officer');
    expect(first.status).toBe(201);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));

    // The same JSON with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await fx.call('POST', '/enterprises', { role: 'officer', body: reordered, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));

    const reused = await fx.call('POST', '/enterprises', { role: 'officer', body: registration(), headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await fx.awaitEvents(first.body.id, 1)).length).toBe(1);
  });

  it('POST /enterprises/{id}/designations: a replay is the first 201, not ALREADY_DESIGNATED', async () => {
    const enterprise = await fx.register();
    const { first } = await twice(`/enterprises/${enterprise.id}/designations`, { tier: 'POTENTIAL', cycle: 2045, reason: 'idempotent' }, 'admin');
    expect(first.status).toBe(201);
    expect((await fx.call('GET', '/designations/quota?cycle=2045')).body.POTENTIAL.used).toBe(1);
  });

  it('POST /enterprises/{id}/deactivate: a replay is the first 200, not ENTERPRISE_INACTIVE', async () => {
    const enterprise = await fx.register();
    const { first } = await twice(`/enterprises/${enterprise.id}/deactivate`, { reason: 'closed' }, 'admin');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('INACTIVE');
  });
});
