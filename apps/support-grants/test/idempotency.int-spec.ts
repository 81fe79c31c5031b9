import { randomUUID } from 'node:crypto';
import { TOPICS } from '@westgate/contracts';
import { expectEventually, testKafka, TopicRecorder } from '@westgate/testing';
import { GrantsFixture, type Person } from './grants-fixture';

/** `Idempotency-Key` on every POST of support-grants (the platform implements it; this checks it here). */
describe('Idempotency-Key on every POST', () => {
  let fx: GrantsFixture;
  let recorder: TopicRecorder;
  let enterpriseId: string;
  let programmeId: string;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    recorder = await new TopicRecorder(testKafka('grants-idem'), [fx.service.topic(TOPICS.grantsApplication)]).start();
    enterpriseId = await fx.enterprise();
    programmeId = (await fx.programme({ budget: '1000000.00' })).id;
  });

  afterAll(async () => {
    await recorder?.stop();
    await fx?.close();
  });

  const withKey = (key: string) => ({ 'idempotency-key': key });

  async function twice(path: string, as: Person, body: unknown) {
    const key = randomUUID();
    const first = await fx.call('POST', path, as, body, withKey(key));
    const second = await fx.call('POST', path, as, body, withKey(key));
    return { key, first, second };
  }

  async function applicationIn(stage: 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'DISBURSED'): Promise<string> {
    const draft = await fx.draft(programmeId, enterpriseId, { requestedAmount: '100.00' });
    if (stage !== 'DRAFT') await fx.advance(draft.id, stage);
    return draft.id;
  }

  it.each([
    ['submit', 'DRAFT', 'officer', {}],
    ['start-review', 'SUBMITTED', 'reviewer', {}],
    ['approve', 'UNDER_REVIEW', 'reviewer', { approvedAmount: '90.00' }],
    ['reject', 'UNDER_REVIEW', 'admin', { reason: 'Out of scope' }],
    ['return', 'UNDER_REVIEW', 'reviewer', { comment: 'Add invoices' }],
    ['withdraw', 'SUBMITTED', 'officer', {}],
    ['disbursements', 'APPROVED', 'admin', { amount: '40.00', reference: 'IDEM-1' }],
    ['close', 'DISBURSED', 'admin', {}],
  ] as const)('POST /applications/{id}/%s: a replay returns the first response and changes nothing', async (action, stage, as, body) => {
    const id = await applicationIn(stage);
    const { key, first, second } = await twice(`/applications/${id}/${action}`, as, body);
    expect(first.status).toBeLessThan(300);
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const timeline = (await fx.call('GET', `/applications/${id}/timeline`, 'admin')).body.items;
    expect(timeline[timeline.length - 1].to).toBe(first.body.status);
    expect(timeline.filter((e: { to: string; from: string }) => e.from === stage)).toHaveLength(1);
    expect((await fx.call('GET', `/applications/${id}`, 'admin')).body.version).toBe(first.body.version);
    // The same key with another body is a client bug: 422.
    const reused = await fx.call('POST', `/applications/${id}/${action}`, as, { ...body, comment: 'different' }, withKey(key));
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('POST /applications: one draft however often it is retried', async () => {
    const body = fx.applicationBody(programmeId, enterpriseId, { title: `Retried ${randomUUID()}` });
    const { key, first, second } = await twice('/applications', 'officer', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await fx.query('SELECT id FROM applications WHERE title = $1', [body.title])).toHaveLength(1);
    const reused = await fx.call('POST', '/applications', 'officer', { ...body, requestedAmount: '1.00' }, withKey(key));
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('POST /programmes: one programme, the replay is not a 409', async () => {
    const body = fx.programmeBody();
    const { first, second } = await twice('/programmes', 'admin', body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
  });

  it('a replayed approval reserves and publishes once', async () => {
    const id = await applicationIn('UNDER_REVIEW');
    const before = (await fx.call('GET', `/programmes/${programmeId}`, 'admin')).body.budget.reserved;
    const key = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => fx.call('POST', `/applications/${id}/approve`, 'reviewer', {}, withKey(key))));
    // Concurrent retries: one executes; the others wait for its response and replay it.
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results[1].body).toEqual(results[0].body);
    expect(results[2].body).toEqual(results[0].body);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    const after = (await fx.call('GET', `/programmes/${programmeId}`, 'admin')).body.budget.reserved;
    expect(Number(after) - Number(before)).toBeCloseTo(100, 2);
    await expectEventually(() => {
      const events = recorder.on(fx.service.topic(TOPICS.grantsApplication)).filter((m) => m.key === id && m.value?.includes('.approved.v1'));
      expect(events).toHaveLength(1);
    });
  });

  it('a refused request is not remembered: the same key succeeds once the enterprise is known', async () => {
    const event = fx.enterpriseEvent({ tier: 'BACKBONE' });
    const draft = await fx.draft(programmeId, event.data.id, { requestedAmount: '10.00' });
    const key = randomUUID();
    const early = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {}, withKey(key));
    expect(early.status).toBe(422);
    expect(early.body.reasons[0].rule).toBe('ENTERPRISE_UNKNOWN');
    await fx.publish([event]);
    await fx.awaitProjection(event.data.id, 1);
    const later = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {}, withKey(key));
    expect(later.status).toBe(200);
    expect(later.body.status).toBe('SUBMITTED');
  });

  it('keys belong to their caller: another officer with the same key gets their own result', async () => {
    const key = randomUUID();
    const mine = await fx.call('POST', '/applications', 'officer', fx.applicationBody(programmeId, enterpriseId), withKey(key));
    const theirs = await fx.call('POST', '/applications', 'officer2', fx.applicationBody(programmeId, enterpriseId), withKey(key));
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.submittedBy).toBe('officer-oleg');
  });
});
