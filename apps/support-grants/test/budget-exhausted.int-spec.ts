import { ProgrammeBudgetChanged, ProgrammeBudgetExhausted, TOPICS } from '@westgate/contracts';
import { expectEventually, testKafka, TopicRecorder } from '@westgate/testing';
import { GrantsFixture } from './grants-fixture';

/**
 * An approval the budget cannot cover: the caller gets 409 BUDGET_EXHAUSTED as before, nothing of
 * the approval is kept, and the refusal is published as `programme.budget-exhausted` for the admins.
 */
describe('an approval refused for want of budget', () => {
  let fx: GrantsFixture;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    recorder = await new TopicRecorder(testKafka('grants-exhausted'), [
      fx.service.topic(TOPICS.grantsProgramme),
      fx.service.topic(TOPICS.grantsApplication),
    ]).start();
  });

  afterAll(async () => {
    await recorder?.stop();
    await fx?.close();
  });

  const eventsOn = (topic: string, subject: string) =>
    recorder
      .on(fx.service.topic(topic))
      .filter((m) => m.key === subject)
      .map((m) => ({ headers: m.headers, ...JSON.parse(m.value ?? '{}') }));

  it('answers 409 BUDGET_EXHAUSTED as before and publishes one budget-exhausted event with the programme and what was refused', async () => {
    const programme = await fx.programme({ budget: '100000.00', maxGrantPerEnterprise: '100000.00' });
    const first = await fx.draft(programme.id, await fx.enterprise(), { requestedAmount: '80000.00' });
    await fx.advance(first.id, 'APPROVED');
    const enterpriseId = await fx.enterprise();
    const second = await fx.draft(programme.id, enterpriseId, { requestedAmount: '50000.00' });
    const underReview = await fx.advance(second.id, 'UNDER_REVIEW');

    const refused = await fx.call('POST', `/applications/${second.id}/approve`, 'reviewer', { comment: 'Worth it' }, { 'x-correlation-id': 'corr-budget-exhausted-1' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toEqual({
      type: 'https://westgate.dev/problems/budget-exhausted',
      title: 'Budget exhausted',
      status: 409,
      detail: 'The programme has 20000.00 left, less than 50000.00',
      code: 'BUDGET_EXHAUSTED',
      requested: '50000.00',
      available: '20000.00',
      instance: `/api/v1/applications/${second.id}/approve`,
      correlationId: 'corr-budget-exhausted-1',
    });

    // The refused approval left nothing behind: status, budget, timeline, application events.
    const after = (await fx.call('GET', `/applications/${second.id}`, 'reviewer')).body;
    expect(after).toMatchObject({ status: 'UNDER_REVIEW', approvedAmount: null, version: underReview.version });
    const current = (await fx.call('GET', `/programmes/${programme.id}`, 'admin')).body;
    expect(current.budget).toEqual({ total: '100000.00', reserved: '80000.00', disbursed: '0.00', available: '20000.00' });
    const timeline = (await fx.call('GET', `/applications/${second.id}/timeline`, 'reviewer')).body.items;
    expect(timeline.map((entry: { to: string }) => entry.to)).toEqual(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW']);

    const exhausted = () => eventsOn(TOPICS.grantsProgramme, programme.id).filter((e) => e.type === ProgrammeBudgetExhausted.type);
    await expectEventually(() => expect(exhausted()).toHaveLength(1));
    const [event] = exhausted();
    expect(event).toMatchObject({
      source: '/westgate/support-grants',
      subject: programme.id,
      correlationid: 'corr-budget-exhausted-1',
      headers: { ce_type: ProgrammeBudgetExhausted.type, 'correlation-id': 'corr-budget-exhausted-1' },
    });
    expect(event.data).toEqual({
      id: programme.id,
      code: programme.code,
      name: programme.name,
      cycle: programme.cycle,
      budget: { total: '100000.00', reserved: '80000.00', disbursed: '0.00', available: '20000.00' },
      eligibleTiers: programme.eligibleTiers,
      eligibleSectors: null,
      purposes: programme.purposes,
      maxGrantPerEnterprise: '100000.00',
      opensAt: programme.opensAt,
      closesAt: programme.closesAt,
      version: current.version,
      updatedAt: current.updatedAt,
      applicationId: second.id,
      enterpriseId,
      requestedAmount: '50000.00',
      refusedBy: { id: 'reviewer-rana', name: 'Rana', role: 'reviewer' },
      refusedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });

    // Exactly one: a later event of the programme (same key, same partition) arrives after it, and
    // nothing else was published in between; the application topic got no approval.
    const raised = await fx.call('PATCH', `/programmes/${programme.id}`, 'admin', { budget: '150000.00' });
    expect(raised.status).toBe(200);
    await expectEventually(() => expect(eventsOn(TOPICS.grantsProgramme, programme.id).slice(-1)[0]?.data.budget.total).toBe('150000.00'));
    expect(eventsOn(TOPICS.grantsProgramme, programme.id).map((e) => e.type)).toEqual([
      'westgate.grants.programme.created.v1',
      ProgrammeBudgetChanged.type,
      ProgrammeBudgetExhausted.type,
      ProgrammeBudgetChanged.type,
    ]);
    expect(eventsOn(TOPICS.grantsApplication, second.id).map((e) => e.type)).toEqual([
      'westgate.grants.application.submitted.v1',
      'westgate.grants.application.review-started.v1',
    ]);

    // With the budget raised, the same approval goes through.
    const approved = await fx.call('POST', `/applications/${second.id}/approve`, 'reviewer', {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
  });

  it('publishes nothing for a refusal that is not about the budget', async () => {
    const programme = await fx.programme({ budget: '100000.00' });
    const draft = await fx.draft(programme.id, await fx.enterprise(), { requestedAmount: '1000.00' });
    await fx.advance(draft.id, 'UNDER_REVIEW');
    const above = await fx.call('POST', `/applications/${draft.id}/approve`, 'reviewer', { approvedAmount: '1000.01' });
    expect(above.status).toBe(422);
    const own = await fx.call('POST', `/applications/${draft.id}/approve`, 'officer', {});
    expect(own.status).toBe(403);
    // A later programme event shows that nothing came before it but the creation.
    expect((await fx.call('PATCH', `/programmes/${programme.id}`, 'admin', { budget: '120000.00' })).status).toBe(200);
    await expectEventually(() => expect(eventsOn(TOPICS.grantsProgramme, programme.id)).toHaveLength(2));
    expect(eventsOn(TOPICS.grantsProgramme, programme.id).map((e) => e.type)).toEqual(['westgate.grants.programme.created.v1', ProgrammeBudgetChanged.type]);
  });
});
