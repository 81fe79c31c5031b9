import { generateUscc } from '@westgate/domain';
import { http } from '@westgate/testing';
import { get } from 'node:http';
import { registration, startRegistry, writeCounts, type RegistryFixture } from './registry-fixture';

/** A valid USCC with its 18th (check) character replaced by another valid one. */
function withWrongCheckCharacter(uscc: string): string {
  const last = uscc.charAt(17);
  return uscc.slice(0, 17) + (last === '0' ? '1' : '0');
}

describe('enterprise-registry: enterprises', () => {
  let fx: RegistryFixture;

  beforeAll(async () => {
    fx = await startRegistry();
  });

  afterAll(async () => {
    await fx?.close();
  });

  describe('POST /enterprises', () => {
    it('registers an enterprise: 201 with every field, tier NONE, ACTIVE, version 1, Location and ETag', async () => {
      const body = registration({
        name: 'Kashgar Silk Road Agricultural Export Co., Ltd.',
        nameLocal: '喀什丝路农产品出口有限公司',
        region: 'Kashgar',
        sectors: ['AGRICULTURAL', 'TEXTILES_LIGHT'],
        zoneCode: 'KASHGAR-EDZ',
        address: '1 Expo Road, Kashgar',
        foundedOn: '2011-06-30',
        tradeModes: ['GENERAL_TRADE', 'BORDER_SMALL_SCALE'],
      });
      const response = await fx.call('POST', '/enterprises', { role: 'officer', body });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        uscc: body.uscc,
        name: body.name,
        nameLocal: body.nameLocal,
        region: '653100',
        zoneCode: 'KASHGAR-EDZ',
        sectors: ['AGRICULTURAL', 'TEXTILES_LIGHT'],
        contactEmail: body.contactEmail,
        address: '1 Expo Road, Kashgar',
        foundedOn: '2011-06-30',
        tradeModes: ['GENERAL_TRADE', 'BORDER_SMALL_SCALE'],
        status: 'ACTIVE',
        tier: 'NONE',
        designations: [],
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(response.headers.get('location')).toBe(`/api/v1/enterprises/${response.body.id}`);
      expect(response.headers.get('etag')).toBe('"1"');
    });

    it('accepts the region by code, English name or Chinese name and stores the code', async () => {
      for (const region of ['654000', 'ili', '伊犁哈萨克自治州', 'Yili']) {
        expect((await fx.register({ region })).region).toBe('654000');
      }
    });

    it('refuses a USCC with a wrong check character: 400 naming uscc', async () => {
      const response = await fx.call('POST', '/enterprises', { role: 'officer', body: registration({ uscc: withWrongCheckCharacter(generateUscc(Math.random)) }) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ field: 'uscc', message: expect.stringMatching(/check character/) }]);
    });

    it.each([
      ['a zone not in the catalogue', { zoneCode: 'NOWHERE-EDZ' }, 'zoneCode'],
      ['an unknown region', { region: 'Atlantis' }, 'region'],
      ['an unknown sector', { sectors: ['SPICES'] }, 'sectors'],
      ['no sector', { sectors: [] }, 'sectors'],
      ['a repeated sector', { sectors: ['AGRICULTURAL', 'AGRICULTURAL'] }, 'sectors'],
      ['a bad e-mail', { contactEmail: 'not-an-email' }, 'contactEmail'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name of 301 characters', { name: 'x'.repeat(301) }, 'name'],
      ['a founding date in the future', { foundedOn: '2999-01-01' }, 'foundedOn'],
      ['an unknown trade mode', { tradeModes: ['SMUGGLING'] }, 'tradeModes'],
      ['an unknown field', { tier: 'BACKBONE' }, 'tier'],
      ['a number for the name', { name: 42 }, 'name'],
    ])('refuses %s: 400 naming the field', async (_, overrides, field) => {
      const response = await fx.call('POST', '/enterprises', { role: 'officer', body: registration(overrides) });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('refuses malformed JSON and non-JSON bodies with a problem, never a 5xx', async () => {
      const malformed = await http(fx.baseUrl, 'POST', '/api/v1/enterprises', {
        token: fx.token('officer'),
        rawBody: '{"uscc": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('MALFORMED_JSON');
      const text = await http(fx.baseUrl, 'POST', '/api/v1/enterprises', {
        token: fx.token('officer'),
        rawBody: 'uscc=1',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
    });

    it('answers 409 ENTERPRISE_EXISTS for a USCC already registered, naming the enterprise', async () => {
      const first = await fx.register();
      const again = await fx.call('POST', '/enterprises', { role: 'admin', body: registration({ uscc: first.uscc }) });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ENTERPRISE_EXISTS', enterpriseId: first.id });
    });

    it('registers a USCC once when 20 requests race for it: one 201, nineteen 409, one row, one event', async () => {
      const body = registration();
      const before = await writeCounts(fx.db);
      const responses = await Promise.all(Array.from({ length: 20 }, () => fx.call('POST', '/enterprises', { role: 'officer', body })));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, ...Array(19).fill(409)]);
      expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'ENTERPRISE_EXISTS')).toBe(true);
      const after = await writeCounts(fx.db);
      expect(after.enterprises - before.enterprises).toBe(1);
      expect(after.outbox - before.outbox).toBe(1);
      const winner = responses.find((r) => r.status === 201)?.body;
      expect(await fx.awaitEvents(winner.id, 1)).toHaveLength(1);
    });
  });

  describe('GET /enterprises/{id} and /enterprises/by-uscc/{uscc}', () => {
    it('returns the enterprise with its ETag, to every staff role', async () => {
      const created = await fx.register();
      for (const role of ['officer', 'reviewer', 'admin', 'analyst'] as const) {
        const response = await fx.call('GET', `/enterprises/${created.id}`, { role });
        expect(response.status).toBe(200);
        expect(response.body).toEqual(created);
        expect(response.headers.get('etag')).toBe('"1"');
      }
    });

    it('answers a conditional GET with 304 when nothing changed', async () => {
      const created = await fx.register();
      // node:http, because fetch adds `cache-control: no-cache`, which rightly disables 304s.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const request = get(`${fx.baseUrl}/api/v1/enterprises/${created.id}`, { headers: { authorization: `Bearer ${fx.token('analyst')}`, 'if-none-match': '"1"' } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        request.on('error', reject);
      });
      expect(status).toBe(304);
    });

    it('finds it by USCC, whatever the case', async () => {
      const created = await fx.register();
      expect((await fx.call('GET', `/enterprises/by-uscc/${created.uscc}`)).body.id).toBe(created.id);
      const lower = await fx.call('GET', `/enterprises/by-uscc/${created.uscc.toLowerCase()}`);
      expect(lower.status).toBe(200);
      expect(lower.body.id).toBe(created.id);
    });

    it('answers 404 ENTERPRISE_NOT_FOUND for an unknown id or USCC, 400 for a malformed one', async () => {
      const unknown = await fx.call('GET', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ENTERPRISE_NOT_FOUND');
      expect((await fx.call('GET', `/enterprises/by-uscc/${generateUscc(Math.random)}`)).body.code).toBe('ENTERPRISE_NOT_FOUND');
      for (const id of ['not-a-uuid', '1', "1' OR '1'='1", '%00', 'ffffffff-ffff-ffff-ffff-fffffffffffff']) {
        const response = await fx.call('GET', `/enterprises/${encodeURIComponent(id)}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
      }
      const badUscc = await fx.call('GET', '/enterprises/by-uscc/91650100XXXXXXXXXX');
      expect(badUscc.status).toBe(400);
      expect(badUscc.body.errors[0].field).toBe('uscc');
    });

    it('shows an enterprise its own record and hides the others behind the same 404', async () => {
      const own = await fx.register();
      const other = await fx.register();
      const token = fx.token('enterprise', own.id);
      expect((await fx.call('GET', `/enterprises/${own.id}`, { token })).status).toBe(200);
      expect((await fx.call('GET', `/enterprises/by-uscc/${own.uscc}`, { token })).status).toBe(200);
      const hidden = await fx.call('GET', `/enterprises/${other.id}`, { token });
      const missing = await fx.call('GET', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab', { token });
      expect(hidden.status).toBe(404);
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
      expect(hidden.body.code).toBe(missing.body.code);
      expect((await fx.call('GET', `/enterprises/by-uscc/${other.uscc}`, { token })).status).toBe(404);
    });
  });

  describe('GET /enterprises', () => {
    let marker: string;
    let listed: { id: string; zoneCode: string | null; sectors: string[]; status: string }[];

    beforeAll(async () => {
      // A name marker keeps this block's enterprises apart from the rest of the file's.
      marker = `Pamir${Date.now().toString(36)}`;
      listed = [];
      for (let i = 0; i < 7; i += 1) {
        listed.push(
          await fx.register({
            name: `${marker} Trading ${i}`,
            zoneCode: i % 2 === 0 ? 'BOLE-BECZ' : 'ALASHANKOU-CBZ',
            region: i % 2 === 0 ? 'Bortala' : 'Ili',
            sectors: i < 3 ? ['IRON_ORE'] : ['HIGH_TECH', 'MECHANICAL_ELECTRICAL'],
          }),
        );
      }
      const deactivated = await fx.call('POST', `/enterprises/${listed[6]?.id}/deactivate`, { role: 'admin' });
      expect(deactivated.status).toBe(200);
    });

    it('pages through with limit and nextCursor, in registration order, ending with null', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await fx.call(
          'GET',
          `/enterprises?q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(listed.map((e) => e.id));
    });

    it('filters by zone, sector, status, region, tier and name (case-insensitive)', async () => {
      const ids = async (query: string): Promise<string[]> => {
        const response = await fx.call('GET', `/enterprises?q=${marker}&limit=500&${query}`);
        expect(response.status).toBe(200);
        return response.body.items.map((item: { id: string }) => item.id);
      };
      expect(await ids('zoneCode=BOLE-BECZ')).toEqual(listed.filter((_, i) => i % 2 === 0).map((e) => e.id));
      expect(await ids('sector=IRON_ORE')).toEqual(listed.slice(0, 3).map((e) => e.id));
      expect(await ids('sector=HIGH_TECH&zoneCode=ALASHANKOU-CBZ')).toEqual([listed[3]?.id, listed[5]?.id]);
      expect(await ids('status=INACTIVE')).toEqual([listed[6]?.id]);
      expect(await ids('region=Bortala')).toEqual(await ids('zoneCode=BOLE-BECZ'));
      expect(await ids('tier=NONE')).toHaveLength(7);
      expect(await ids('tier=BACKBONE')).toEqual([]);
      const lower = await fx.call('GET', `/enterprises?q=${marker.toLowerCase()}%20trading%201`);
      expect(lower.body.items.map((item: { id: string }) => item.id)).toEqual([listed[1]?.id]);
    });

    it('treats LIKE wildcards in q as plain characters', async () => {
      expect((await fx.call('GET', '/enterprises?q=%25')).body.items).toEqual([]);
      expect((await fx.call('GET', '/enterprises?q=_')).body.items).toEqual([]);
    });

    it('defaults to 50 items and refuses bad limits, cursors, filters and unknown parameters with 400', async () => {
      expect((await fx.call('GET', '/enterprises')).status).toBe(200);
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=501', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=2.5', 'limit'],
        ['cursor=%21%21', 'cursor'],
        ['cursor=bm90LWEtdXVpZA', 'cursor'],
        ['tier=GOLD', 'tier'],
        ['sector=SPICES', 'sector'],
        ['zoneCode=NOWHERE', 'zoneCode'],
        ['status=DELETED', 'status'],
        ['colour=red', 'colour'],
      ]) {
        const response = await fx.call('GET', `/enterprises?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
    });
  });

  describe('PATCH /enterprises/{id}', () => {
    it('changes the given fields, bumps the version and the ETag, and keeps the rest', async () => {
      const created = await fx.register({ zoneCode: 'URUMQI-ETDZ', nameLocal: '旧名' });
      const response = await fx.call('PATCH', `/enterprises/${created.id}`, {
        role: 'officer',
        body: { name: 'Renamed Trading Co., Ltd.', sectors: ['NEW_MATERIALS'], zoneCode: null, region: 'Hami' },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({
        id: created.id,
        uscc: created.uscc,
        name: 'Renamed Trading Co., Ltd.',
        nameLocal: '旧名',
        sectors: ['NEW_MATERIALS'],
        zoneCode: null,
        region: '650500',
        contactEmail: created.contactEmail,
        version: 2,
        createdAt: created.createdAt,
      });
      expect(response.body.updatedAt > created.updatedAt).toBe(true);
      expect((await fx.call('GET', `/enterprises/${created.id}`)).body).toEqual(response.body);
    });

    it('answers 412 PRECONDITION_FAILED to a stale If-Match or body version, and changes nothing', async () => {
      const created = await fx.register();
      expect((await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name: 'First edit' }, headers: { 'if-match': '"1"' } })).status).toBe(200);
      const stale = await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name: 'Lost edit' }, headers: { 'if-match': '"1"' } });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', currentVersion: 2 });
      const staleBody = await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name: 'Lost edit', version: 1 } });
      expect(staleBody.status).toBe(412);
      expect((await fx.call('GET', `/enterprises/${created.id}`)).body).toMatchObject({ name: 'First edit', version: 2 });
      const current = await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'admin', body: { name: 'Second edit' }, headers: { 'if-match': 'W/"2"' } });
      expect(current.status).toBe(200);
      expect((await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'admin', body: { name: 'Any' }, headers: { 'if-match': '*' } })).status).toBe(200);
    });

    it('lets exactly one of two writers from the same version win', async () => {
      const created = await fx.register();
      const attempts = await Promise.all(
        ['Writer A', 'Writer B', 'Writer C'].map((name) =>
          fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name }, headers: { 'if-match': '"1"' } }),
        ),
      );
      expect(attempts.map((a) => a.status).sort()).toEqual([200, 412, 412]);
    });

    it('refuses the USCC, the status, null for a required field and unknown ids', async () => {
      const created = await fx.register();
      for (const [body, field] of [
        [{ uscc: generateUscc(Math.random) }, 'uscc'],
        [{ status: 'INACTIVE' }, 'status'],
        [{ name: null }, 'name'],
        [{ sectors: null }, 'sectors'],
        [{ contactEmail: null }, 'contactEmail'],
      ] as const) {
        const response = await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body });
        expect(response.status).toBe(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      const missing = await fx.call('PATCH', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab', { role: 'officer', body: { name: 'x' } });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ENTERPRISE_NOT_FOUND');
      expect((await fx.call('GET', `/enterprises/${created.id}`)).body.version).toBe(1);
    });

    it('treats a patch that changes nothing as no change: same version, no history, no event', async () => {
      const created = await fx.register();
      const same = await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name: created.name, sectors: created.sectors } });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(1);
      expect((await fx.call('GET', `/enterprises/${created.id}/history`)).body.items).toHaveLength(1);
      const { rows } = await fx.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE message_key = $1', [created.id]);
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });

  describe('POST /enterprises/{id}/deactivate', () => {
    it('sets the status INACTIVE; a second time is 409 ENTERPRISE_INACTIVE', async () => {
      const created = await fx.register();
      const response = await fx.call('POST', `/enterprises/${created.id}/deactivate`, { role: 'admin', body: { reason: 'ceased trading' } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: created.id, status: 'INACTIVE', version: 2 });
      const again = await fx.call('POST', `/enterprises/${created.id}/deactivate`, { role: 'admin' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ENTERPRISE_INACTIVE');
      expect((await fx.call('POST', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab/deactivate', { role: 'admin' })).status).toBe(404);
    });
  });

  describe('history and events', () => {
    it('records every change (who, role, when, before and after) and publishes exactly one event per change with the full state', async () => {
      const correlationId = `history-test-${Date.now()}`;
      const created = await fx.register();
      const headers = { 'x-correlation-id': correlationId };
      expect((await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { contactEmail: 'new@example.cn' }, headers })).status).toBe(200);
      expect((await fx.call('POST', `/enterprises/${created.id}/deactivate`, { role: 'admin', headers })).status).toBe(200);

      const history = await fx.call('GET', `/enterprises/${created.id}/history`, { role: 'reviewer' });
      expect(history.status).toBe(200);
      expect(history.body.nextCursor).toBeNull();
      expect(history.body.items).toEqual([
        expect.objectContaining({ action: 'REGISTERED', actor: 'officer-1', role: 'officer', version: 1, before: null, after: expect.objectContaining({ uscc: created.uscc }) }),
        expect.objectContaining({
          action: 'UPDATED',
          actor: 'officer-1',
          role: 'officer',
          version: 2,
          before: { contactEmail: created.contactEmail },
          after: { contactEmail: 'new@example.cn' },
          correlationId,
        }),
        expect.objectContaining({ action: 'DEACTIVATED', actor: 'admin-1', role: 'admin', version: 3, before: { status: 'ACTIVE' }, after: { status: 'INACTIVE' } }),
      ]);
      for (const item of history.body.items) expect(Date.parse(item.at)).not.toBeNaN();
      const ids = history.body.items.map((item: { id: string }) => item.id);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);

      const events = await fx.awaitEvents(created.id, 3);
      expect(events.map((event) => event.type)).toEqual([
        'westgate.registry.enterprise.registered.v1',
        'westgate.registry.enterprise.updated.v1',
        'westgate.registry.enterprise.deactivated.v1',
      ]);
      expect(events.map((event) => event.data.version)).toEqual([1, 2, 3]);
      expect(events[2]?.data).toEqual({
        id: created.id,
        uscc: created.uscc,
        name: created.name,
        nameLocal: null,
        region: created.region,
        zoneCode: null,
        sectors: created.sectors,
        contactEmail: 'new@example.cn',
        status: 'INACTIVE',
        designations: [],
        version: 3,
        updatedAt: expect.any(String),
      });
      expect(events.slice(1).every((event) => event.correlationid === correlationId)).toBe(true);
      expect(events.every((event) => event.subject === created.id && event.source === '/westgate/enterprise-registry')).toBe(true);
    });

    it('pages the history and answers 404 for an unknown enterprise', async () => {
      const created = await fx.register();
      for (const name of ['One', 'Two', 'Three']) {
        expect((await fx.call('PATCH', `/enterprises/${created.id}`, { role: 'officer', body: { name } })).status).toBe(200);
      }
      const first = await fx.call('GET', `/enterprises/${created.id}/history?limit=3`);
      expect(first.body.items.map((item: { version: number }) => item.version)).toEqual([1, 2, 3]);
      const second = await fx.call('GET', `/enterprises/${created.id}/history?limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body).toEqual({ items: [expect.objectContaining({ version: 4 })], nextCursor: null });
      const missing = await fx.call('GET', '/enterprises/0193a0b2-7c4e-7a31-9d2f-0123456789ab/history');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ENTERPRISE_NOT_FOUND');
    });
  });

  describe('GET /zones', () => {
    it('lists the zones catalogue to any authenticated caller, filterable by kind', async () => {
      const all = await fx.call('GET', '/zones', { token: fx.token('enterprise', '0193a0b2-7c4e-7a31-9d2f-0123456789ab') });
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'YINING-BECZ', kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '654000', regionName: 'Ili' }),
          expect.objectContaining({ code: 'ALASHANKOU-CBZ', kind: 'COMPREHENSIVE_BONDED_ZONE' }),
          expect.objectContaining({ code: 'KHORGOS-ICBC', kind: 'COOPERATION_CENTRE' }),
        ]),
      );
      const bonded = await fx.call('GET', '/zones?kind=COMPREHENSIVE_BONDED_ZONE');
      expect(bonded.body.items.every((zone: { kind: string }) => zone.kind === 'COMPREHENSIVE_BONDED_ZONE')).toBe(true);
      expect((await fx.call('GET', '/zones/TACHENG-BECZ')).body.name).toMatch(/Tacheng/);
      expect((await fx.call('GET', '/zones/NOWHERE')).status).toBe(404);
      const paged = await fx.call('GET', '/zones?limit=5');
      const next = await fx.call('GET', `/zones?limit=500&cursor=${paged.body.nextCursor}`);
      expect([...paged.body.items, ...next.body.items]).toEqual(all.body.items);
    });
  });
});
