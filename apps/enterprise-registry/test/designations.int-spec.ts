import { CYCLE, startRegistry, writeCounts, type RegistryFixture } from './registry-fixture';

describe('enterprise-registry: designations', () => {
  let fx: RegistryFixture;

  beforeAll(async () => {
    fx = await startRegistry();
  });

  afterAll(async () => {
    await fx?.close();
  });

  const designate = (id: string, body: Record<string, unknown>) => fx.call('POST', `/enterprises/${id}/designations`, { role: 'admin', body });

  it('designates an enterprise for the current cycle: 201, tier in the enterprise, quota used, history and one event with the full state', async () => {
    const created = await fx.register();
    const response = await designate(created.id, { tier: 'BACKBONE', cycle: CYCLE, reason: 'Exports above 50 million USD' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      enterpriseId: created.id,
      cycle: CYCLE,
      tier: 'BACKBONE',
      reason: 'Exports above 50 million USD',
      designatedBy: 'admin-1',
      enterprise: { id: created.id, tier: 'BACKBONE', version: 2 },
    });

    const enterprise = await fx.call('GET', `/enterprises/${created.id}`, { role: 'analyst' });
    expect(enterprise.body.tier).toBe('BACKBONE');
    expect(enterprise.body.designations).toEqual([
      { cycle: CYCLE, tier: 'BACKBONE', reason: 'Exports above 50 million USD', designatedAt: expect.any(String), designatedBy: 'admin-1' },
    ]);
    expect(enterprise.headers.get('etag')).toBe('"2"');

    const events = await fx.awaitEvents(created.id, 2);
    expect(events.map((event) => event.type)).toEqual(['westgate.registry.enterprise.registered.v1', 'westgate.registry.enterprise.tier-designated.v1']);
    expect(events[1]?.data).toMatchObject({ id: created.id, version: 2, status: 'ACTIVE', designations: [{ cycle: CYCLE, tier: 'BACKBONE' }] });

    const history = await fx.call('GET', `/enterprises/${created.id}/history`, { role: 'officer' });
    expect(history.body.items[1]).toMatchObject({
      action: 'TIER_DESIGNATED',
      actor: 'admin-1',
      role: 'admin',
      version: 2,
      after: { cycle: CYCLE, tier: 'BACKBONE', reason: 'Exports above 50 million USD' },
    });
  });

  it('counts a designation of another cycle in that cycle only: the current tier stays NONE', async () => {
    const created = await fx.register();
    expect((await designate(created.id, { tier: 'POTENTIAL', cycle: CYCLE + 1, reason: 'next year' })).status).toBe(201);
    const enterprise = await fx.call('GET', `/enterprises/${created.id}`);
    expect(enterprise.body.tier).toBe('NONE');
    expect(enterprise.body.designations).toEqual([expect.objectContaining({ cycle: CYCLE + 1, tier: 'POTENTIAL' })]);
    const listed = await fx.call('GET', `/enterprises?tier=POTENTIAL&cycle=${CYCLE + 1}`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
  });

  it('allows one designation per enterprise and cycle: a second is 409 ALREADY_DESIGNATED, whatever the tier', async () => {
    const created = await fx.register();
    expect((await designate(created.id, { tier: 'POTENTIAL', cycle: 2040, reason: 'first' })).status).toBe(201);
    for (const tier of ['POTENTIAL', 'BACKBONE']) {
      const again = await designate(created.id, { tier, cycle: 2040, reason: 'second' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ALREADY_DESIGNATED', cycle: 2040, currentTier: 'POTENTIAL' });
    }
    const quota = await fx.call('GET', '/designations/quota?cycle=2040', { role: 'reviewer' });
    expect(quota.body).toEqual({
      cycle: 2040,
      BACKBONE: { used: 0, limit: 100, available: 100 },
      POTENTIAL: { used: 1, limit: 100, available: 99 },
    });
  });

  it('refuses the 101st designation of a tier in a cycle with 409 QUOTA_EXCEEDED; revoking frees a place that can be given again', async () => {
    const cycle = 2041;
    const enterprises = await Promise.all(Array.from({ length: 101 }, () => fx.register()));
    const hundred = await Promise.all(enterprises.slice(0, 100).map((enterprise) => designate(enterprise.id, { tier: 'BACKBONE', cycle, reason: 'quota test' })));
    expect(hundred.every((response) => response.status === 201)).toBe(true);
    const last = enterprises[100];
    const refused = await designate(last.id, { tier: 'BACKBONE', cycle, reason: 'one too many' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'QUOTA_EXCEEDED', tier: 'BACKBONE', cycle, limit: 100 });
    // An enterprise that already holds a place is told so, full tier or not (a place would not help it).
    const twice = await designate(enterprises[0].id, { tier: 'BACKBONE', cycle, reason: 'once more' });
    expect(twice.body).toMatchObject({ code: 'ALREADY_DESIGNATED', cycle, currentTier: 'BACKBONE' });
    // The other tier of the same cycle has its own 100 places.
    expect((await designate(last.id, { tier: 'POTENTIAL', cycle, reason: 'potential instead' })).status).toBe(201);
    expect((await fx.call('DELETE', `/enterprises/${last.id}/designations/${cycle}`, { body: { reason: 'make room' } })).status).toBe(204);

    const first = enterprises[0];
    const revoked = await fx.call('DELETE', `/enterprises/${first.id}/designations/${cycle}?reason=${encodeURIComponent('merged into another group')}`);
    expect(revoked.status).toBe(204);
    expect((await fx.call('GET', `/designations/quota?cycle=${cycle}`)).body.BACKBONE).toEqual({ used: 99, limit: 100, available: 1 });
    expect((await designate(last.id, { tier: 'BACKBONE', cycle, reason: 'freed place' })).status).toBe(201);
    expect((await designate(first.id, { tier: 'BACKBONE', cycle, reason: 'back again' })).body.code).toBe('QUOTA_EXCEEDED');
  });

  it('keeps exactly 100 when 200 designation requests for 150 enterprises race: the rest are QUOTA_EXCEEDED', async () => {
    const cycle = 2042;
    const enterprises = await Promise.all(Array.from({ length: 150 }, () => fx.register()));
    // Every enterprise once, and the first 50 a second time: 200 requests at once.
    const targets = [...enterprises, ...enterprises.slice(0, 50)];
    const responses = await Promise.all(targets.map((enterprise) => designate(enterprise.id, { tier: 'POTENTIAL', cycle, reason: 'race' })));
    const created = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status === 409);
    expect(created).toHaveLength(100);
    expect(refused).toHaveLength(100);
    const codes = refused.map((response) => response.body.code);
    expect(codes.every((code) => code === 'QUOTA_EXCEEDED' || code === 'ALREADY_DESIGNATED')).toBe(true);
    expect(codes.filter((code) => code === 'QUOTA_EXCEEDED').length).toBeGreaterThanOrEqual(50);

    const { rows } = await fx.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM tier_designation WHERE cycle = $1 AND tier = $2 AND revoked_at IS NULL',
      [cycle, 'POTENTIAL'],
    );
    expect(Number(rows[0]?.n)).toBe(100);
    expect((await fx.call('GET', `/designations/quota?cycle=${cycle}`)).body.POTENTIAL).toEqual({ used: 100, limit: 100, available: 0 });
    const designatedIds = new Set(created.map((response) => response.body.enterpriseId));
    expect(designatedIds.size).toBe(100);
  });

  it('revokes with a reason (body or query): 204, the row stays with who and why, history and one event without the designation', async () => {
    const created = await fx.register();
    expect((await designate(created.id, { tier: 'POTENTIAL', cycle: CYCLE, reason: 'promising' })).status).toBe(201);
    const revoked = await fx.call('DELETE', `/enterprises/${created.id}/designations/${CYCLE}`, { body: { reason: 'stopped exporting' } });
    expect(revoked.status).toBe(204);

    const enterprise = await fx.call('GET', `/enterprises/${created.id}`);
    expect(enterprise.body).toMatchObject({ tier: 'NONE', designations: [], version: 3 });
    const { rows } = await fx.db.query('SELECT revoked_by, revocation_reason, revoked_at FROM tier_designation WHERE enterprise_id = $1', [created.id]);
    expect(rows).toEqual([{ revoked_by: 'admin-1', revocation_reason: 'stopped exporting', revoked_at: expect.any(Date) }]);

    const history = await fx.call('GET', `/enterprises/${created.id}/history`);
    expect(history.body.items[2]).toMatchObject({
      action: 'TIER_REVOKED',
      actor: 'admin-1',
      before: { cycle: CYCLE, tier: 'POTENTIAL', reason: 'promising' },
      after: { cycle: CYCLE, tier: null, reason: 'stopped exporting' },
    });
    const events = await fx.awaitEvents(created.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      'westgate.registry.enterprise.registered.v1',
      'westgate.registry.enterprise.tier-designated.v1',
      'westgate.registry.enterprise.tier-revoked.v1',
    ]);
    expect(events[2]?.data).toMatchObject({ version: 3, designations: [] });

    // A revoked place can be given again, to the same enterprise too.
    expect((await designate(created.id, { tier: 'BACKBONE', cycle: CYCLE, reason: 'grew' })).status).toBe(201);
  });

  it('answers revocations that cannot be done with problems, and writes nothing', async () => {
    const created = await fx.register();
    const before = await writeCounts(fx.db);
    const nothing = await fx.call('DELETE', `/enterprises/${created.id}/designations/2043?reason=none`);
    expect(nothing.status).toBe(404);
    expect(nothing.body.code).toBe('DESIGNATION_NOT_FOUND');
    const noReason = await fx.call('DELETE', `/enterprises/${created.id}/designations/2043`);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
    const badCycle = await fx.call('DELETE', `/enterprises/${created.id}/designations/next-year?reason=x`);
    expect(badCycle.status).toBe(400);
    expect(badCycle.body.errors[0].field).toBe('cycle');
    const unknown = await fx.call('DELETE', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab/designations/2043?reason=x');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ENTERPRISE_NOT_FOUND');
    expect(await writeCounts(fx.db)).toEqual(before);
  });

  it('refuses bad designation bodies, unknown enterprises and inactive ones', async () => {
    const created = await fx.register();
    for (const [body, field] of [
      [{ tier: 'NONE', cycle: CYCLE, reason: 'x' }, 'tier'],
      [{ tier: 'GOLD', cycle: CYCLE, reason: 'x' }, 'tier'],
      [{ tier: 'BACKBONE', cycle: '2026', reason: 'x' }, 'cycle'],
      [{ tier: 'BACKBONE', cycle: 1999, reason: 'x' }, 'cycle'],
      [{ tier: 'BACKBONE', cycle: CYCLE }, 'reason'],
      [{ tier: 'BACKBONE', cycle: CYCLE, reason: '' }, 'reason'],
      [{ tier: 'BACKBONE', cycle: CYCLE, reason: 'x', extra: true }, 'extra'],
    ] as const) {
      const response = await designate(created.id, body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    // A year sent as a string is told what a cycle is, not that "2026" is above 2100.
    const asString = await designate(created.id, { tier: 'BACKBONE', cycle: String(CYCLE), reason: 'x' });
    expect(asString.body.errors).toEqual([{ field: 'cycle', message: 'cycle must be a year from 2000 to 2100, as an integer, e.g. 2026' }]);
    const unknown = await designate('0193a0b2-7c4e-7a31-9d2f-0123456789ab', { tier: 'BACKBONE', cycle: CYCLE, reason: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ENTERPRISE_NOT_FOUND');

    expect((await fx.call('POST', `/enterprises/${created.id}/deactivate`)).status).toBe(200);
    const inactive = await designate(created.id, { tier: 'BACKBONE', cycle: CYCLE, reason: 'x' });
    expect(inactive.status).toBe(409);
    expect(inactive.body.code).toBe('ENTERPRISE_INACTIVE');
  });

  it('reports the quota of the current cycle by default and refuses a bad cycle', async () => {
    const quota = await fx.call('GET', '/designations/quota', { role: 'analyst' });
    expect(quota.status).toBe(200);
    expect(quota.body).toEqual({
      cycle: CYCLE,
      BACKBONE: { used: expect.any(Number), limit: 100, available: expect.any(Number) },
      POTENTIAL: { used: expect.any(Number), limit: 100, available: expect.any(Number) },
    });
    expect((await fx.call('GET', `/designations/quota?cycle=${CYCLE}`, { role: 'officer' })).body.cycle).toBe(CYCLE);
    const bad = await fx.call('GET', '/designations/quota?cycle=20x6');
    expect({ status: bad.status, errors: bad.body.errors }).toEqual({
      status: 400,
      errors: [{ field: 'cycle', message: 'cycle must be a year from 2000 to 2100, as an integer, e.g. 2026' }],
    });
    expect((await fx.call('GET', '/designations/quota?cycle=3000')).status).toBe(400);
  });
});
