import { COMMODITY_CATEGORIES, GRANT_PURPOSES, isCountryCode, isMoneyString, isTradeFairCode, TIERS } from '@westgate/domain';
import { http } from '@westgate/testing';
import fc from 'fast-check';
import { GrantsFixture, type Person } from './grants-fixture';

/*
 * Property-based bad input on every write endpoint: whatever is sent, the answer is a 4xx
 * problem+json, never a 5xx, and nothing changes (no row, no version, no event).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T/;

// A number JSON can carry: NaN and ±Infinity are sent as null, which an optional field reads as absent.
const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
const notString = fc.oneof(
  fc.integer(),
  jsonNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const badMoney = fc.oneof(
  notString,
  fc.constantFrom('0', '0.00', '-1.00', '1.001', '1e5', ' 1', '1,000.00', '+5', '12345678901234567', 'NaN', 'Infinity', ''),
  fc.string({ maxLength: 20 }).filter((s) => !isMoneyString(s)),
);
const badUuid = fc.oneof(notString, fc.string({ maxLength: 40 }).filter((s) => !UUID.test(s)));
const badEnum = (values: readonly string[]) => fc.oneof(notString, fc.string({ maxLength: 20 }).filter((s) => !values.includes(s)));
const badEnumArray = (values: readonly string[]) =>
  fc.oneof(notString.filter((v) => !Array.isArray(v)), fc.array(badEnum(values), { minLength: 1, maxLength: 3 }), fc.constant([]));
const badText = (max: number) => fc.oneof(notString, fc.constantFrom('', '   ', '\n\t'), fc.constant('x'.repeat(max + 1)));
const badDate = fc.oneof(notString, fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '2026-13-01', '1700000000'), fc.string({ maxLength: 20 }).filter((s) => !ISO.test(s)));
const badInt = fc.oneof(jsonNumber.filter((n) => !Number.isInteger(n)), fc.string({ maxLength: 6 }), fc.integer({ min: -5000, max: 1999 }), fc.integer({ min: 2101 }));
const nonObject = fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.string(), fc.integer(), fc.boolean());
// Nest's validation pipe deletes these three before validating (prototype-pollution guard), so they are ignored, not refused.
const STRIPPED_KEYS = ['__proto__', 'prototype', 'constructor'];
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[a-zA-Z_]\w*$/.test(k) && !STRIPPED_KEYS.includes(k));

type Arbitraries = Record<string, fc.Arbitrary<unknown>>;

/** Bodies that are wrong in exactly one way (or not objects at all), built around a valid one. */
function badBodies(valid: Record<string, unknown>, bad: Arbitraries, required: string[]): fc.Arbitrary<unknown> {
  const fields = Object.keys(bad);
  return fc.oneof(
    nonObject,
    fc.constantFrom(...fields).chain((field) => bad[field].map((value) => ({ ...valid, [field]: value }))),
    unknownKey.filter((k) => !(k in valid) && !fields.includes(k)).map((key) => ({ ...valid, [key]: 'surprise' })),
    ...(required.length ? [fc.constantFrom(...required).map((field) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field)))] : []),
  );
}

describe('bad input on every write endpoint', () => {
  let fx: GrantsFixture;
  let enterpriseId: string;
  let programmeId: string;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    enterpriseId = await fx.enterprise();
    programmeId = (await fx.programme({ budget: '1000000.00' })).id;
  });

  afterAll(async () => fx?.close());

  const snapshot = async () =>
    (
      await fx.query(`SELECT (SELECT count(*) FROM programmes) AS programmes, (SELECT coalesce(sum(version), 0) FROM programmes) AS programme_versions,
              (SELECT count(*) FROM applications) AS applications, (SELECT coalesce(sum(version), 0) FROM applications) AS application_versions,
              (SELECT count(*) FROM application_timeline) AS timeline, (SELECT count(*) FROM disbursements) AS disbursements,
              (SELECT count(*) FROM outbox) AS events`)
    )[0];

  async function assertRefusedAll(method: string, path: string, as: Person, bodies: fc.Arbitrary<unknown>, numRuns = 40): Promise<void> {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await fx.call(method, path, as, body);
        if (res.status < 400 || res.status >= 500) throw new Error(`${method} ${path} answered ${res.status} to ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(typeof res.body.code).toBe('string');
      }),
      { numRuns },
    );
    expect(await snapshot()).toEqual(before);
  }

  async function applicationIn(stage: 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'DISBURSED'): Promise<string> {
    const draft = await fx.draft(programmeId, enterpriseId, { requestedAmount: '100.00' });
    if (stage !== 'DRAFT') await fx.advance(draft.id, stage);
    return draft.id;
  }

  // An optional field sent as null counts as absent.
  const comment = { comment: badText(4000).filter((v) => v !== null && (typeof v !== 'string' || v.length > 4000)) };

  it('POST /programmes', async () => {
    const valid = fx.programmeBody({ code: 'FIXED-CODE', eligibleSectors: ['AGRICULTURAL'] });
    await assertRefusedAll(
      'POST',
      '/programmes',
      'admin',
      badBodies(
        valid,
        {
          code: fc.oneof(notString, fc.constantFrom('', ' x', 'a b', 'é', 'x'.repeat(65))),
          name: badText(300),
          cycle: badInt,
          budget: badMoney,
          eligibleTiers: badEnumArray(TIERS),
          purposes: badEnumArray(GRANT_PURPOSES),
          maxGrantPerEnterprise: badMoney,
          opensAt: badDate,
          closesAt: fc.oneof(badDate, fc.constant(valid.opensAt)),
          eligibleSectors: badEnumArray(COMMODITY_CATEGORIES).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0)),
        },
        ['code', 'name', 'cycle', 'budget', 'eligibleTiers', 'purposes', 'maxGrantPerEnterprise', 'opensAt', 'closesAt'],
      ),
    );
  });

  it('PATCH /programmes/{id}', async () => {
    await assertRefusedAll('PATCH', `/programmes/${programmeId}`, 'admin', badBodies({ budget: '2000000.00' }, { budget: badMoney.filter((v) => v !== null) }, []), 25);
  });

  it('POST /applications', async () => {
    const valid = fx.applicationBody(programmeId, enterpriseId);
    await assertRefusedAll(
      'POST',
      '/applications',
      'officer',
      badBodies(
        valid,
        {
          programmeId: badUuid,
          enterpriseId: badUuid,
          purpose: badEnum(GRANT_PURPOSES),
          requestedAmount: badMoney,
          title: badText(300),
          description: badText(10_000),
          tradeFair: fc.oneof(notString.filter((v) => v !== null), fc.string({ maxLength: 45 }).filter((s) => !isTradeFairCode(s))),
          targetMarkets: fc.oneof(
            notString.filter((v) => !Array.isArray(v) && v !== null),
            fc.array(fc.string({ maxLength: 3 }).filter((s) => !isCountryCode(s)), { minLength: 1, maxLength: 3 }),
            fc.constant(['KZ', 'KZ']),
          ),
        },
        ['programmeId', 'enterpriseId', 'purpose', 'requestedAmount', 'title', 'description'],
      ),
    );
  });

  it('PATCH /applications/{id}', async () => {
    const id = await applicationIn('DRAFT');
    await assertRefusedAll(
      'PATCH',
      `/applications/${id}`,
      'officer',
      badBodies(
        { title: 'Still fine' },
        {
          purpose: badEnum(GRANT_PURPOSES),
          requestedAmount: badMoney,
          title: badText(300),
          description: badText(10_000),
          tradeFair: fc.oneof(fc.integer(), fc.constantFrom('lower', 'X')),
          targetMarkets: fc.oneof(fc.constant(null), fc.constant(['XX'])),
          programmeId: fc.uuid(),
          status: fc.constant('APPROVED'),
          version: fc.integer(),
        },
        [],
      ).filter((body) => typeof body !== 'object' || body === null || Array.isArray(body) || !('title' in body && Object.keys(body).length === 1)),
      30,
    );
  });

  it.each([
    ['submit', 'DRAFT', 'officer', {}, comment],
    ['start-review', 'SUBMITTED', 'reviewer', {}, comment],
    ['approve', 'UNDER_REVIEW', 'reviewer', { approvedAmount: '50.00' }, { ...comment, approvedAmount: fc.oneof(badMoney.filter((v) => v !== null), fc.constant('100.01')) }],
    ['reject', 'UNDER_REVIEW', 'reviewer', { reason: 'No budget line' }, { ...comment, reason: badText(4000) }],
    ['return', 'UNDER_REVIEW', 'reviewer', { comment: 'Fix it' }, { comment: badText(4000) }],
    ['withdraw', 'SUBMITTED', 'officer', {}, { ...comment, reason: comment.comment }],
    ['disbursements', 'APPROVED', 'admin', { amount: '10.00', reference: 'REF-1' }, { amount: fc.oneof(badMoney, fc.constant('100.01')), reference: badText(200) }],
    ['close', 'DISBURSED', 'admin', {}, comment],
  ] as const)('POST /applications/{id}/%s', async (action, stage, as, valid, bad) => {
    const id = await applicationIn(stage);
    const required = action === 'reject' ? ['reason'] : action === 'return' ? ['comment'] : action === 'disbursements' ? ['amount', 'reference'] : [];
    await assertRefusedAll('POST', `/applications/${id}/${action}`, as, badBodies(valid, bad as Arbitraries, required), 25);
    expect((await fx.call('GET', `/applications/${id}`, 'admin')).body.status).toBe(stage);
  });

  it('NUL, other control characters and half surrogate pairs in text are a 400 naming the field, not a database error', async () => {
    const draft = await applicationIn('DRAFT');
    const underReview = await applicationIn('UNDER_REVIEW');
    const approved = await applicationIn('APPROVED');
    const before = await snapshot();
    const cases: Array<[string, string, Person, Record<string, unknown>, string]> = [
      ['POST', '/programmes', 'admin', fx.programmeBody({ name: 'Export\u0000support' }), 'name'],
      ['POST', '/applications', 'officer', fx.applicationBody(programmeId, enterpriseId, { title: 'Tomato\u0000paste' }), 'title'],
      ['POST', '/applications', 'officer', fx.applicationBody(programmeId, enterpriseId, { title: 'Tomato\npaste' }), 'title'],
      ['POST', '/applications', 'officer', fx.applicationBody(programmeId, enterpriseId, { description: 'Almaty\u0000' }), 'description'],
      ['POST', '/applications', 'officer', fx.applicationBody(programmeId, enterpriseId, { description: 'half a pair \ud800' }), 'description'],
      ['PATCH', `/applications/${draft}`, 'officer', { title: '\u001b[31mred' }, 'title'],
      ['POST', `/applications/${draft}/submit`, 'officer', { comment: 'ready\u0000' }, 'comment'],
      ['POST', `/applications/${draft}/withdraw`, 'officer', { reason: '\u0000' }, 'reason'],
      ['POST', `/applications/${underReview}/reject`, 'reviewer', { reason: 'no\u0000' }, 'reason'],
      ['POST', `/applications/${underReview}/return`, 'reviewer', { comment: 'fix\u0000' }, 'comment'],
      ['POST', `/applications/${approved}/disbursements`, 'admin', { amount: '1.00', reference: 'TR\u00001' }, 'reference'],
    ];
    for (const [method, path, as, body, field] of cases) {
      const res = await fx.call(method, path, as, body);
      expect({ method, path, field, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        method,
        path,
        field,
        status: 400,
        fields: [field],
      });
    }
    const filtered = await fx.call('GET', '/applications?submittedBy=officer%00olga', 'analyst');
    expect({ status: filtered.status, code: filtered.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await snapshot()).toEqual(before);
    // Line breaks and tabs stay welcome in free text.
    const multiline = await fx.call('POST', `/applications/${draft}/submit`, 'officer', { comment: 'Ready:\n\t- quotes attached\r\n' });
    expect(multiline.status).toBe(200);
  });

  it('malformed JSON, other media types and oversize bodies are 4xx too', async () => {
    const id = await applicationIn('DRAFT');
    const before = await snapshot();
    const token = fx.token('officer');
    const raw = (path: string, rawBody: string, type = 'application/json') =>
      http(fx.service.baseUrl, 'POST', `/api/v1${path}`, { token, rawBody, headers: { 'content-type': type } });
    for (const [path, rawBody, type] of [
      ['/applications', '{"programmeId": ', 'application/json'],
      ['/applications', 'programmeId=x', 'application/x-www-form-urlencoded'],
      ['/applications', 'hello', 'text/plain'],
      [`/applications/${id}/submit`, '{', 'application/json'],
      [`/applications/${id}/submit`, '<xml/>', 'application/xml'],
      ['/applications', JSON.stringify({ ...fx.applicationBody(programmeId, enterpriseId), description: 'x'.repeat(2_000_000) }), 'application/json'],
    ] as const) {
      const res = await raw(path, rawBody, type);
      expect({ path, type, status: res.status >= 400 && res.status < 500 }).toEqual({ path, type, status: true });
    }
    expect(await snapshot()).toEqual(before);
  });
});
