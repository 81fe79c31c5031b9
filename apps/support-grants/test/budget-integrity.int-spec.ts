import { TOPICS } from '@westgate/contracts';
import { expectEventually, testKafka, TopicRecorder } from '@westgate/testing';
import { GrantsFixture } from './grants-fixture';

/** Budget integrity under concurrency: reservations, disbursements and the maximum per enterprise. */
describe('budget integrity under concurrency', () => {
  let fx: GrantsFixture;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    recorder = await new TopicRecorder(testKafka('grants-race'), [fx.service.topic(TOPICS.grantsApplication)]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await fx?.close();
  });

  /** `count` applications of different enterprises, each UNDER_REVIEW in `programmeId`. */
  async function underReview(programmeId: string, amounts: string[]): Promise<string[]> {
    const events = amounts.map(() => fx.enterpriseEvent({ tier: 'BACKBONE' }));
    await fx.publish(events);
    await Promise.all(events.map((e) => fx.awaitProjection(e.data.id, 1)));
    return Promise.all(
      amounts.map(async (amount, i) => {
        const draft = await fx.draft(programmeId, events[i].data.id, { requestedAmount: amount });
        await fx.advance(draft.id, 'UNDER_REVIEW');
        return draft.id as string;
      }),
    );
  }

  it('10 concurrent approvals of 150,000 on a budget of 1,000,000: exactly 6 approved, 4 BUDGET_EXHAUSTED', async () => {
    for (let round = 0; round < 3; round++) {
      const programme = await fx.programme({ budget: '1000000.00' });
      const ids = await underReview(programme.id, Array.from({ length: 10 }, () => '150000.00'));
      const results = await Promise.all(ids.map((id, i) => fx.call('POST', `/applications/${id}/approve`, i % 2 ? 'reviewer' : 'reviewer2', { approvedAmount: '150000.00', comment: 'ok' })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 409)).toHaveLength(4);
      results.filter((r) => r.status === 409).forEach((r) => expect(r.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', available: '100000.00' }));

      const budget = (await fx.call('GET', `/programmes/${programme.id}`, 'admin')).body.budget;
      expect(budget).toEqual({ total: '1000000.00', reserved: '900000.00', disbursed: '0.00', available: '100000.00' });
      const rows = await fx.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM applications WHERE programme_id = $1 GROUP BY status ORDER BY status', [programme.id]);
      expect(rows).toEqual([
        { status: 'APPROVED', n: '6' },
        { status: 'UNDER_REVIEW', n: '4' },
      ]);
      // A refused approval left nothing behind: no timeline entry, no event.
      const refused = ids.filter((_, i) => results[i].status === 409);
      const entries = await fx.query('SELECT 1 FROM application_timeline WHERE application_id = ANY($1) AND to_status = $2', [refused, 'APPROVED']);
      expect(entries).toEqual([]);
      await expectEventually(() => {
        const approved = recorder
          .on(fx.service.topic(TOPICS.grantsApplication))
          .map((m) => JSON.parse(m.value ?? '{}'))
          .filter((e) => ids.includes(e.subject) && e.type.endsWith('.approved.v1'));
        expect(approved).toHaveLength(6);
      });
    }
  });

  it('any mix of concurrent approvals never reserves more than the budget, to the cent', async () => {
    const programme = await fx.programme({ budget: '777777.77', maxGrantPerEnterprise: '500000.00' });
    const amounts = Array.from({ length: 16 }, (_, i) => `${(37_000 + i * 9_137.13).toFixed(2)}`);
    const ids = await underReview(programme.id, amounts);
    const results = await Promise.all(ids.map((id) => fx.call('POST', `/applications/${id}/approve`, 'reviewer', {})));
    const [totals] = await fx.query<{ reserved: string; approved: string; total: string }>(
      `SELECT p.budget_reserved::text AS reserved, p.budget_total::text AS total,
              (SELECT coalesce(sum(approved_amount), 0)::numeric(18,2)::text FROM applications WHERE programme_id = p.id AND status = 'APPROVED') AS approved
         FROM programmes p WHERE p.id = $1`,
      [programme.id],
    );
    expect(totals.reserved).toBe(totals.approved);
    expect(Number(totals.reserved)).toBeLessThanOrEqual(777777.77);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    results.filter((r) => r.status !== 200).forEach((r) => expect(r.body.code).toBe('BUDGET_EXHAUSTED'));
    // Every refused one would indeed not have fitted in what was left.
    const left = Number(totals.total) - Number(totals.reserved);
    ids.forEach((_, i) => {
      if (results[i].status === 409) expect(Number(amounts[i])).toBeGreaterThan(left);
    });
  });

  it('concurrent tranches never disburse more than approved', async () => {
    const programme = await fx.programme({ budget: '1000000.00' });
    const [id] = await underReview(programme.id, ['100000.00']);
    await fx.call('POST', `/applications/${id}/approve`, 'reviewer', {});
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => fx.call('POST', `/applications/${id}/disbursements`, 'admin', { amount: '30000.00', reference: `T-${i}` })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['OVER_DISBURSEMENT', 'OVER_DISBURSEMENT']);
    const application = (await fx.call('GET', `/applications/${id}`, 'admin')).body;
    expect(application).toMatchObject({ status: 'PARTIALLY_DISBURSED', disbursedAmount: '90000.00', remainingAmount: '10000.00' });
    expect((await fx.call('GET', `/programmes/${programme.id}`, 'admin')).body.budget).toMatchObject({ reserved: '100000.00', disbursed: '90000.00' });
  });

  it('two concurrent submissions of one enterprise cannot both squeeze under its maximum', async () => {
    const programme = await fx.programme({ maxGrantPerEnterprise: '300000.00' });
    const enterprise = await fx.enterprise();
    const a = await fx.draft(programme.id, enterprise, { requestedAmount: '200000.00' });
    const b = await fx.draft(programme.id, enterprise, { requestedAmount: '200000.00' });
    const results = await Promise.all([a, b].map((d) => fx.call('POST', `/applications/${d.id}/submit`, 'officer', {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.status === 422)?.body.reasons).toEqual([expect.objectContaining({ rule: 'AMOUNT_ABOVE_MAX' })]);
  });

  it('the total budget can be changed, never below what is reserved', async () => {
    const programme = await fx.programme({ budget: '300000.00' });
    const [id] = await underReview(programme.id, ['200000.00']);
    await fx.call('POST', `/applications/${id}/approve`, 'reviewer', {});
    const low = await fx.call('PATCH', `/programmes/${programme.id}`, 'admin', { budget: '199999.99' });
    expect(low.status).toBe(409);
    expect(low.body).toMatchObject({ code: 'BUDGET_BELOW_RESERVED', reserved: '200000.00' });
    const stale = await fx.call('PATCH', `/programmes/${programme.id}`, 'admin', { budget: '400000.00' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    const current = await fx.call('GET', `/programmes/${programme.id}`, 'admin');
    const raised = await fx.call('PATCH', `/programmes/${programme.id}`, 'admin', { budget: '400000.00' }, { 'if-match': current.headers.get('etag') ?? '' });
    expect(raised.status).toBe(200);
    expect(raised.body.budget).toEqual({ total: '400000.00', reserved: '200000.00', disbursed: '0.00', available: '200000.00' });
    expect(raised.headers.get('etag')).toBe(`"${current.body.version + 1}"`);
  });

  it('the invariants hold in the database after all of the above', async () => {
    const violations = await fx.query(
      `SELECT p.id FROM programmes p
        WHERE p.budget_reserved > p.budget_total OR p.budget_disbursed > p.budget_reserved
           OR p.budget_reserved <> (SELECT coalesce(sum(reserved_amount), 0) FROM applications a WHERE a.programme_id = p.id)
           OR p.budget_disbursed <> (SELECT coalesce(sum(disbursed_amount), 0) FROM applications a WHERE a.programme_id = p.id)`,
    );
    expect(violations).toEqual([]);
    const overpaid = await fx.query(
      `SELECT a.id FROM applications a
        WHERE a.disbursed_amount > coalesce(a.approved_amount, 0)
           OR a.disbursed_amount <> (SELECT coalesce(sum(amount), 0) FROM disbursements d WHERE d.application_id = a.id)`,
    );
    expect(overpaid).toEqual([]);
  });
});
