import { isValidUscc, resolveRegion } from '@westgate/domain';
import { http, type HttpResult } from '@westgate/testing';
import fc from 'fast-check';
import { registration, startRegistry, writeCounts, type RegistryFixture } from './registry-fixture';

/**
 * Generated malformed bodies, wrong types, huge strings, unknown fields and hostile ids thrown at
 * every write endpoint: always a 4xx problem+json that names the field, never a 5xx, nothing written.
 */

const RUNS = 40;

// A number JSON can carry: NaN and ±Infinity are sent as null, which an optional field reads as absent.
const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
// Values no field of ours accepts in place of a string, an enum or a list of them.
const wrongType = fc.oneof(fc.integer(), jsonNumber, fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const notAString = fc.oneof(fc.integer(), jsonNumber, fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
const hugeString = fc.integer({ min: 1_001, max: 60_000 }).map((length) => 'Ж'.repeat(length));
const controlString = fc.constantFrom('a\u0000b', 'half \ud800 pair', 'bell\u0007', 'line\u001bescape', '\u007f');
const blankString = fc.constantFrom('', ' ', '\t', '   ');
const junkString = fc.string({ maxLength: 40 });
const hostileString = fc.constantFrom("' OR 1=1 --", '"; DROP TABLE enterprise; --', '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '%00', '\ud800', '{{constructor}}');

const notUscc = fc.oneof(junkString.filter((s) => !isValidUscc(s)), hostileString, hugeString, notAString, fc.constant(null));
const notRegion = fc.oneof(junkString.filter((s) => resolveRegion(s) === undefined), hostileString, notAString, fc.constant(null));
const notSectors = fc.oneof(
  fc.constant([]),
  fc.array(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== s.toUpperCase() || s.length < 4), { minLength: 1, maxLength: 3 }),
  fc.constant(['AGRICULTURAL', 'AGRICULTURAL']),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  junkString,
  fc.constant(null),
  fc.integer(),
);
const notEmail = fc.oneof(junkString.filter((s) => !s.includes('@')), hostileString, notAString, fc.constant(null));
const notZone = fc.oneof(junkString.filter((s) => !/^[A-Z]+-[A-Z]+$/.test(s)), fc.constant('NOWHERE-EDZ'), hostileString, notAString);
const notDate = fc.oneof(junkString.filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)), fc.constant('2999-12-31'), fc.constant('2023-02-30'), notAString);
// null is "none" at registration (and refused by PATCH, where the field is required when present).
const notTradeModes = fc.oneof(fc.array(junkString.filter((s) => !/^[A-Z_]+$/.test(s)), { minLength: 1, maxLength: 3 }), junkString, fc.integer());
const badText = (maxLength: number) =>
  fc.oneof(notAString, fc.constant(null), blankString, controlString, fc.integer({ min: maxLength + 1, max: maxLength + 5_000 }).map((length) => 'x'.repeat(length)));
const unknownField = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((key) => !['uscc', 'name', 'nameLocal', 'region', 'sectors', 'contactEmail', 'zoneCode', 'address', 'foundedOn', 'tradeModes', 'version', 'tier', 'cycle', 'reason', '__proto__', 'constructor'].includes(key));
/** A body that is not a JSON object at all. */
const notAnObject = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.integer(), fc.boolean(), fc.constant(null));

type BodyCase = { body: unknown; field?: string };

/** One field of a valid body set to a bad value, one required field left out, an unknown field added, or no object at all. */
function badBodies(valid: () => Record<string, unknown>, badValues: Record<string, fc.Arbitrary<unknown>>, required: string[]): fc.Arbitrary<BodyCase> {
  const badField = fc.constantFrom(...Object.keys(badValues)).chain((field) =>
    (badValues[field] as fc.Arbitrary<unknown>).map((value) => ({ body: { ...valid(), [field]: value }, field })),
  );
  const options: fc.Arbitrary<BodyCase>[] = [
    badField,
    unknownField.chain((field) => fc.jsonValue().map((value) => ({ body: { ...valid(), [field]: value }, field }))),
    notAnObject.map((body) => ({ body })),
  ];
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((field) => {
        const body = valid();
        delete body[field];
        return { body, field };
      }),
    );
  }
  return fc.oneof(...options);
}

const hostileId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }).filter((id) => !['.', '..'].includes(id)),
  fc.constantFrom("1' OR '1'='1", '0193a0b2-7c4e-7a31-9d2f-0123456789ab; DROP TABLE enterprise', '00000000-0000-0000-0000-00000000000g', '%2e%2e%2f', 'null', '-1', '1e309'),
  fc.integer({ min: 100, max: 2_000 }).map((length) => 'a'.repeat(length)),
  fc.uuid(),
);

describe('enterprise-registry: bad input', () => {
  let fx: RegistryFixture;
  let target: { id: string; uscc: string };
  let designated: { id: string };

  beforeAll(async () => {
    fx = await startRegistry();
    target = await fx.register();
    designated = await fx.register();
    expect((await fx.call('POST', `/enterprises/${designated.id}/designations`, { body: { tier: 'BACKBONE', cycle: 2070, reason: 'kept' } })).status).toBe(201);
  });

  afterAll(async () => {
    await fx?.close();
  });

  /** Sends the request; checks it is refused with a 4xx problem naming the field, and that nothing was written. */
  async function expectRefused(send: () => Promise<HttpResult>, field?: string): Promise<void> {
    const before = await writeCounts(fx.db);
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(typeof response.body.code).toBe('string');
    if (response.body.code === 'VALIDATION_FAILED') {
      expect(response.body.errors.length).toBeGreaterThan(0);
      for (const error of response.body.errors) expect(typeof error.field).toBe('string');
      // The platform writes a numeric key as an array index: field "0" is reported as "[0]".
      const named = /^\d+$/.test(field ?? '') ? [field, `[${field}]`] : [field];
      if (field !== undefined) expect(response.body.errors.some((error: { field: string }) => named.includes(error.field))).toBe(true);
    } else if (field !== undefined) {
      throw new Error(`expected a validation problem naming ${field}, got ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(await writeCounts(fx.db)).toEqual(before);
  }

  const send = (method: string, path: string, body: unknown) => () => fx.call(method, path, { role: 'admin', body });

  it('POST /enterprises', async () => {
    const required = ['uscc', 'name', 'region', 'sectors', 'contactEmail'];
    const bad = {
      uscc: notUscc,
      name: badText(300),
      nameLocal: fc.oneof(notAString, blankString, controlString, hugeString),
      region: notRegion,
      sectors: notSectors,
      contactEmail: notEmail,
      zoneCode: notZone,
      address: fc.oneof(notAString, blankString, fc.constant('a\u0000b'), hugeString),
      foundedOn: notDate,
      tradeModes: notTradeModes,
    };
    await fc.assert(
      fc.asyncProperty(badBodies(() => registration(), bad, required), async ({ body, field }) => {
        await expectRefused(send('POST', '/enterprises', body), field);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('PATCH /enterprises/{id}', async () => {
    const bad = {
      name: badText(300),
      nameLocal: fc.oneof(notAString, blankString, controlString, hugeString),
      region: notRegion,
      sectors: notSectors,
      contactEmail: notEmail,
      zoneCode: notZone,
      address: fc.oneof(notAString, blankString, hugeString),
      foundedOn: notDate,
      tradeModes: fc.oneof(notTradeModes, fc.constant(null)),
      uscc: fc.oneof(notUscc, fc.constant(target.uscc)),
      status: fc.constantFrom('INACTIVE', 'ACTIVE', 'DELETED'),
      version: fc.oneof(fc.constant(0), fc.constant(-1), fc.double({ min: 1.1, max: 9.9, noNaN: true }).filter((n) => !Number.isInteger(n)), junkString),
    };
    await fc.assert(
      fc.asyncProperty(badBodies(() => ({ name: 'Patched' }), bad, []), async ({ body, field }) => {
        await expectRefused(send('PATCH', `/enterprises/${target.id}`, body), field);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('POST /enterprises/{id}/designations', async () => {
    const bad = {
      tier: fc.oneof(fc.constantFrom('NONE', 'backbone', 'GOLD', ''), wrongType),
      cycle: fc.oneof(fc.integer({ max: 1999 }), fc.integer({ min: 2101 }), fc.double({ min: 2000.1, max: 2099.9, noNaN: true }).filter((n) => !Number.isInteger(n)), fc.constantFrom('2026', null, true)),
      reason: badText(1000),
    };
    await fc.assert(
      fc.asyncProperty(
        badBodies(() => ({ tier: 'BACKBONE', cycle: 2071, reason: 'property' }), bad, ['tier', 'cycle', 'reason']),
        async ({ body, field }) => {
          await expectRefused(send('POST', `/enterprises/${target.id}/designations`, body), field);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('DELETE /enterprises/{id}/designations/{cycle}', async () => {
    const badCycle = fc.oneof(
      fc.integer({ max: 1999 }).map(String),
      fc.integer({ min: 2101, max: 99_999 }).map(String),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^\d{4}$/.test(s) && !['.', '..'].includes(s)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badCycle.map((cycle) => ({ path: `/enterprises/${designated.id}/designations/${encodeURIComponent(cycle)}?reason=x`, body: undefined, field: 'cycle' })),
          badText(1000).map((reason) => ({ path: `/enterprises/${designated.id}/designations/2070`, body: { reason }, field: 'reason' })),
          unknownField.map((field) => ({ path: `/enterprises/${designated.id}/designations/2070`, body: { reason: 'x', [field]: 1 }, field })),
          notAnObject.filter((body) => body !== null).map((body) => ({ path: `/enterprises/${designated.id}/designations/2070?reason=x`, body, field: undefined })),
        ),
        async ({ path, body, field }) => {
          await expectRefused(send('DELETE', path, body), field);
        },
      ),
      { numRuns: RUNS },
    );
    // Still designated: nothing above revoked it.
    expect((await fx.call('GET', `/enterprises/${designated.id}`)).body.designations).toHaveLength(1);
  });

  it('POST /enterprises/{id}/deactivate', async () => {
    await fc.assert(
      fc.asyncProperty(badBodies(() => ({}), { reason: badText(1000).filter((reason) => reason !== null) }, []), async ({ body, field }) => {
        await expectRefused(send('POST', `/enterprises/${target.id}/deactivate`, body), field);
      }),
      { numRuns: RUNS },
    );
    expect((await fx.call('GET', `/enterprises/${target.id}`)).body.status).toBe('ACTIVE');
  });

  it('hostile ids on every endpoint with an id', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileId,
        fc.constantFrom(
          { method: 'GET', suffix: '', body: undefined },
          { method: 'PATCH', suffix: '', body: { name: 'x' } },
          { method: 'POST', suffix: '/deactivate', body: undefined },
          { method: 'POST', suffix: '/designations', body: { tier: 'BACKBONE', cycle: 2072, reason: 'x' } },
          { method: 'DELETE', suffix: '/designations/2072?reason=x', body: undefined },
          { method: 'GET', suffix: '/history', body: undefined },
        ),
        async (id, { method, suffix, body }) => {
          await expectRefused(send(method, `/enterprises/${encodeURIComponent(id)}${suffix}`, body));
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('refuses an oversize body with 413', async () => {
    await expectRefused(() =>
      http(fx.baseUrl, 'POST', '/api/v1/enterprises', {
        token: fx.token('officer'),
        rawBody: JSON.stringify(registration({ address: 'x'.repeat(2 * 1024 * 1024) })),
        headers: { 'content-type': 'application/json' },
      }),
    );
  });

  it('refuses __proto__, constructor and prototype keys, and is not polluted by them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const polluted = `{"${key}": {"status": "INACTIVE", "prototype": {"tier": "BACKBONE"}}, ${JSON.stringify(registration()).slice(1)}`;
      const response = await http(fx.baseUrl, 'POST', '/api/v1/enterprises', { token: fx.token('officer'), rawBody: polluted, headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: key, message: `property ${key} should not exist` }]);
      expect(({} as Record<string, unknown>).status).toBeUndefined();
    }
  });
});
