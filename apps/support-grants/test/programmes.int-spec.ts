import { randomUUID } from 'node:crypto';
import { TOPICS } from '@westgate/contracts';
import { expectEventually, testKafka, TopicRecorder } from '@westgate/testing';
import { CYCLE, GrantsFixture } from './grants-fixture';

describe('programmes', () => {
  let fx: GrantsFixture;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    recorder = await new TopicRecorder(testKafka('grants-programmes'), [fx.service.topic(TOPICS.grantsProgramme)]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await fx?.close();
  });

  it('an admin creates one: 201 with its budget, and programme.created is published', async () => {
    const body = fx.programmeBody({ code: 'TF-ASIA-EUROPE', budget: '2500000', eligibleSectors: ['AGRICULTURAL'], eligibleTiers: ['BACKBONE', 'NONE'], purposes: ['TRADE_FAIR'] });
    const res = await fx.call('POST', '/programmes', 'admin', body);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/programmes/${res.body.id}`);
    expect(res.body).toMatchObject({
      code: 'TF-ASIA-EUROPE',
      name: body.name,
      cycle: CYCLE,
      budget: { total: '2500000.00', reserved: '0.00', disbursed: '0.00', available: '2500000.00' },
      eligibleTiers: ['BACKBONE', 'NONE'],
      eligibleSectors: ['AGRICULTURAL'],
      purposes: ['TRADE_FAIR'],
      maxGrantPerEnterprise: '500000.00',
      opensAt: body.opensAt,
      closesAt: body.closesAt,
      version: 1,
      createdBy: 'admin-ada',
    });
    const got = await fx.call('GET', `/programmes/${res.body.id}`, 'reviewer');
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect(got.headers.get('etag')).toBe('"1"');
    await expectEventually(() => {
      const events = recorder.on(fx.service.topic(TOPICS.grantsProgramme)).map((m) => JSON.parse(m.value ?? '{}'));
      expect(events.filter((e) => e.subject === res.body.id)).toEqual([
        expect.objectContaining({ type: 'westgate.grants.programme.created.v1', data: expect.objectContaining({ code: 'TF-ASIA-EUROPE', budget: res.body.budget }) }),
      ]);
    });
  });

  it('a second programme with the same code: 409 PROGRAMME_EXISTS, nothing written', async () => {
    const body = fx.programmeBody();
    expect((await fx.call('POST', '/programmes', 'admin', body)).status).toBe(201);
    const again = await fx.call('POST', '/programmes', 'admin', { ...body, name: 'Other' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROGRAMME_EXISTS');
    expect(await fx.query('SELECT 1 FROM programmes WHERE code = $1', [body.code])).toHaveLength(1);
  });

  it.each([
    ['closesAt before opensAt', { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-05-01T00:00:00Z' }, 'closesAt'],
    ['a number for money', { budget: 1000000 }, 'budget'],
    ['three decimals', { budget: '1.005' }, 'budget'],
    ['zero budget', { budget: '0.00' }, 'budget'],
    ['an unknown tier', { eligibleTiers: ['GOLD'] }, 'eligibleTiers'],
    ['no purposes', { purposes: [] }, 'purposes'],
    ['an unknown purpose', { purposes: ['HOLIDAYS'] }, 'purposes'],
    ['an unknown sector', { eligibleSectors: ['SPICES'] }, 'eligibleSectors'],
    ['a cycle out of range', { cycle: 1999 }, 'cycle'],
    ['a date that is not one', { opensAt: '2026-02-30T00:00:00Z' }, 'opensAt'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a blank name', { name: '   ' }, 'name'],
  ])('400 VALIDATION_FAILED for %s', async (_, overrides, field) => {
    const res = await fx.call('POST', '/programmes', 'admin', fx.programmeBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('tells a client that sends the cycle as a string what a cycle is (and takes it as a string in a query)', async () => {
    const res = await fx.call('POST', '/programmes', 'admin', fx.programmeBody({ cycle: String(CYCLE) }));
    expect({ status: res.status, errors: res.body.errors }).toEqual({
      status: 400,
      errors: [{ field: 'cycle', message: 'cycle must be a year from 2000 to 2100, as an integer, e.g. 2026' }],
    });
    expect((await fx.call('GET', `/programmes?cycle=${CYCLE}`, 'analyst')).status).toBe(200);
    expect((await fx.call('GET', '/programmes?cycle=next', 'analyst')).body.errors).toEqual([
      { field: 'cycle', message: 'cycle must be a year from 2000 to 2100, as an integer, e.g. 2026' },
    ]);
  });

  it('lists them with cursor paging and a cycle filter; unknown ids are 404', async () => {
    const next = await fx.programme({ cycle: CYCLE + 1 });
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ id: string; budget: object }>; nextCursor: string | null } } = await fx.call(
        'GET',
        `/programmes?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        'analyst',
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      page.body.items.forEach((p) => expect(Object.keys(p.budget).sort()).toEqual(['available', 'disbursed', 'reserved', 'total']));
      all.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all).size).toBe(all.length);
    const nextYear = await fx.call('GET', `/programmes?cycle=${CYCLE + 1}`, 'officer');
    expect(nextYear.body).toEqual({ items: [expect.objectContaining({ id: next.id })], nextCursor: null });
    expect((await fx.call('GET', `/programmes/${randomUUID()}`, 'officer')).status).toBe(404);
    expect((await fx.call('GET', '/programmes/not-a-uuid', 'officer')).status).toBe(404);
  });
});
