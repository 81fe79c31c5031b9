import { randomUUID } from 'node:crypto';
import { TOPICS } from '@westgate/contracts';
import { expectEventually, testKafka, TopicRecorder, tokenFor } from '@westgate/testing';
import { CYCLE, GrantsFixture } from './grants-fixture';

/** The workflow of API.md end to end, on real PostgreSQL and Kafka, with its events and timeline. */
describe('support applications: workflow, rules, timeline and events', () => {
  let fx: GrantsFixture;
  let recorder: TopicRecorder;
  let backbone: string;
  let programme: { id: string; code: string; name: string };

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    recorder = await new TopicRecorder(testKafka('grants-recorder'), [
      fx.service.topic(TOPICS.grantsApplication),
      fx.service.topic(TOPICS.grantsProgramme),
    ]).start();
    backbone = await fx.enterprise({ tier: 'BACKBONE' });
    programme = await fx.programme();
  });

  afterAll(async () => {
    await recorder?.stop();
    await fx?.close();
  });

  const applicationEvents = (applicationId: string) =>
    recorder
      .on(fx.service.topic(TOPICS.grantsApplication))
      .map((m) => JSON.parse(m.value ?? '{}'))
      .filter((e) => e.subject === applicationId);

  const budget = async (programmeId = programme.id) => (await fx.call('GET', `/programmes/${programmeId}`, 'analyst')).body.budget;

  describe('creating and editing', () => {
    it('creates a DRAFT submitted by the caller; the timeline starts with the creation', async () => {
      const res = await fx.call('POST', '/applications', 'officer', fx.applicationBody(programme.id, backbone, { tradeFair: 'KASHGAR_FAIR', targetMarkets: ['KZ', 'PK'] }));
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/applications/${res.body.id}`);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.body).toMatchObject({
        programmeId: programme.id,
        enterpriseId: backbone,
        status: 'DRAFT',
        submittedBy: 'officer-olga',
        requestedAmount: '150000.00',
        approvedAmount: null,
        disbursedAmount: '0.00',
        tradeFair: 'KASHGAR_FAIR',
        targetMarkets: ['KZ', 'PK'],
        version: 1,
      });
      const timeline = await fx.call('GET', `/applications/${res.body.id}/timeline`, 'reviewer');
      expect(timeline.status).toBe(200);
      expect(timeline.body.items).toEqual([
        expect.objectContaining({ actor: 'officer-olga', role: 'officer', from: null, to: 'DRAFT', comment: null, at: res.body.createdAt }),
      ]);
    });

    it('refuses an unknown programme with 422', async () => {
      const res = await fx.call('POST', '/applications', 'officer', fx.applicationBody(randomUUID(), backbone));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('PROGRAMME_NOT_FOUND');
    });

    it('edits while DRAFT or RETURNED, honours If-Match, and refuses once submitted', async () => {
      const draft = await fx.draft(programme.id, backbone);
      const edited = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { title: 'New title', requestedAmount: '120000.5', tradeFair: 'HARBIN_FAIR' }, { 'if-match': '"1"' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'New title', requestedAmount: '120000.50', tradeFair: 'HARBIN_FAIR', version: 2 });
      expect(edited.headers.get('etag')).toBe('"2"');

      const stale = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { title: 'Lost update' }, { 'if-match': '"1"' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');

      const cleared = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { tradeFair: null });
      expect(cleared.body.tradeFair).toBeNull();

      await fx.advance(draft.id, 'UNDER_REVIEW');
      const late = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { title: 'Too late' });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'UNDER_REVIEW' });

      await fx.call('POST', `/applications/${draft.id}/return`, 'reviewer', { comment: 'Add the buyer contracts' });
      const fixed = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { description: 'With the buyer contracts attached.' });
      expect(fixed.status).toBe(200);
      expect(fixed.body.status).toBe('RETURNED');
    });

    it('cannot change the programme or enterprise of an application', async () => {
      const draft = await fx.draft(programme.id, backbone);
      const res = await fx.call('PATCH', `/applications/${draft.id}`, 'officer', { enterpriseId: randomUUID() });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'enterpriseId' })]);
    });
  });

  describe('eligibility at submission', () => {
    it('lists every failed rule in one 422 NOT_ELIGIBLE', async () => {
      const inactive = await fx.enterprise({ status: 'INACTIVE', tier: undefined, sectors: ['OTHER'] });
      const strict = await fx.programme({
        eligibleTiers: ['BACKBONE'],
        eligibleSectors: ['HIGH_TECH'],
        purposes: ['TECHNOLOGY_IMPORT'],
        maxGrantPerEnterprise: '100000.00',
        opensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        closesAt: new Date(Date.now() - 86_400_000).toISOString(),
      });
      const draft = await fx.draft(strict.id, inactive, { purpose: 'TRADE_FAIR', requestedAmount: '100000.01' });
      const res = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {});
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('NOT_ELIGIBLE');
      expect(res.body.reasons.map((r: { rule: string }) => r.rule)).toEqual([
        'ENTERPRISE_INACTIVE',
        'TIER_NOT_ELIGIBLE',
        'SECTOR_NOT_ELIGIBLE',
        'PURPOSE_NOT_ALLOWED',
        'WINDOW_CLOSED',
        'AMOUNT_ABOVE_MAX',
      ]);
      expect((await fx.call('GET', `/applications/${draft.id}`, 'officer')).body).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(applicationEvents(draft.id)).toEqual([]);
    });

    it('ENTERPRISE_UNKNOWN until the registry event arrives, then the same submission succeeds', async () => {
      const event = fx.enterpriseEvent({ tier: 'POTENTIAL' });
      const draft = await fx.draft(programme.id, event.data.id);
      const early = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {});
      expect(early.status).toBe(422);
      expect(early.body.reasons).toEqual([expect.objectContaining({ rule: 'ENTERPRISE_UNKNOWN', enterpriseId: event.data.id })]);
      await fx.publish([event]);
      await fx.awaitProjection(event.data.id, 1);
      const later = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {});
      expect(later.status).toBe(200);
      expect(later.body.status).toBe('SUBMITTED');
    });

    it('uses the tier of the programme cycle: last year’s designation does not count', async () => {
      const lastYear = await fx.enterprise({ tier: 'BACKBONE', cycle: CYCLE - 1 });
      const draft = await fx.draft(programme.id, lastYear);
      const res = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {});
      expect(res.status).toBe(422);
      expect(res.body.reasons).toEqual([expect.objectContaining({ rule: 'TIER_NOT_ELIGIBLE', tier: 'NONE', cycle: CYCLE })]);
    });

    it('a programme open to NONE takes enterprises without designation', async () => {
      const plain = await fx.enterprise({ tier: undefined });
      const open = await fx.programme({ eligibleTiers: ['NONE'] });
      const draft = await fx.draft(open.id, plain);
      expect((await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {})).status).toBe(200);
    });

    it('the maximum per enterprise counts its other live applications (not drafts, rejected or withdrawn)', async () => {
      const enterprise = await fx.enterprise();
      const capped = await fx.programme({ maxGrantPerEnterprise: '300000.00' });
      const first = await fx.draft(capped.id, enterprise, { requestedAmount: '200000.00' });
      await fx.advance(first.id, 'SUBMITTED');
      const draftOnly = await fx.draft(capped.id, enterprise, { requestedAmount: '250000.00' });
      const second = await fx.draft(capped.id, enterprise, { requestedAmount: '100000.01' });
      const over = await fx.call('POST', `/applications/${second.id}/submit`, 'officer', {});
      expect(over.status).toBe(422);
      expect(over.body.reasons).toEqual([
        expect.objectContaining({ rule: 'AMOUNT_ABOVE_MAX', requestedAmount: '100000.01', otherLiveAmount: '200000.00', maxGrantPerEnterprise: '300000.00' }),
      ]);
      expect((await fx.call('POST', `/applications/${first.id}/withdraw`, 'officer', {})).status).toBe(200);
      expect((await fx.call('POST', `/applications/${second.id}/submit`, 'officer', {})).status).toBe(200);
      expect((await fx.call('GET', `/applications/${draftOnly.id}`, 'officer')).body.status).toBe('DRAFT');
    });
  });

  describe('review, decision, disbursement, closing', () => {
    it('runs the whole way, keeps the budget exact, and records every transition', async () => {
      const p = await fx.programme({ budget: '1000000.00' });
      const draft = await fx.draft(p.id, backbone, { requestedAmount: '300000.00', purpose: 'TRADE_FAIR', tradeFair: 'ASIA_EUROPE_EXPO' });
      const id = draft.id;
      const step = async (action: string, as: Parameters<GrantsFixture['call']>[2], body: unknown, status = 200) => {
        const res = await fx.call('POST', `/applications/${id}/${action}`, as, body);
        expect({ action, status: res.status, body: res.body }).toMatchObject({ action, status });
        return res.body;
      };
      expect(await step('submit', 'officer', { comment: 'Ready' })).toMatchObject({ status: 'SUBMITTED', version: 2 });
      expect(await step('start-review', 'reviewer', {})).toMatchObject({ status: 'UNDER_REVIEW' });
      expect(await step('return', 'reviewer', { comment: 'Quote the stand price' })).toMatchObject({ status: 'RETURNED' });
      expect(await step('submit', 'officer', {})).toMatchObject({ status: 'SUBMITTED' });
      expect(await step('start-review', 'reviewer2', {})).toMatchObject({ status: 'UNDER_REVIEW' });
      expect(await budget(p.id)).toEqual({ total: '1000000.00', reserved: '0.00', disbursed: '0.00', available: '1000000.00' });

      const approved = await step('approve', 'reviewer2', { approvedAmount: '250000.55', comment: 'Stand only' });
      expect(approved).toMatchObject({ status: 'APPROVED', approvedAmount: '250000.55', decidedBy: 'reviewer-ravi', disbursedAmount: '0.00' });
      expect(await budget(p.id)).toEqual({ total: '1000000.00', reserved: '250000.55', disbursed: '0.00', available: '749999.45' });

      const tranche1 = await fx.call('POST', `/applications/${id}/disbursements`, 'admin', { amount: '100000.00', reference: 'TR-1' });
      expect(tranche1.status).toBe(201);
      expect(tranche1.body).toMatchObject({ status: 'PARTIALLY_DISBURSED', disbursedAmount: '100000.00', disbursement: { amount: '100000.00', reference: 'TR-1' } });
      const over = await fx.call('POST', `/applications/${id}/disbursements`, 'admin', { amount: '150000.56', reference: 'TR-2' });
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'OVER_DISBURSEMENT', remainingAmount: '150000.55' });
      expect((await step('close', 'admin', {}, 409)).currentStatus).toBe('PARTIALLY_DISBURSED');
      const tranche2 = await fx.call('POST', `/applications/${id}/disbursements`, 'admin', { amount: '150000.55', reference: 'TR-2' });
      expect(tranche2.body).toMatchObject({ status: 'DISBURSED', disbursedAmount: '250000.55', remainingAmount: '0.00' });
      const more = await fx.call('POST', `/applications/${id}/disbursements`, 'admin', { amount: '0.01', reference: 'TR-3' });
      expect(more.status).toBe(409);
      expect(more.body.code).toBe('OVER_DISBURSEMENT');
      expect(await budget(p.id)).toEqual({ total: '1000000.00', reserved: '250000.55', disbursed: '250000.55', available: '749999.45' });
      expect(await step('close', 'admin', { comment: 'Receipts checked' })).toMatchObject({ status: 'CLOSED', allowedActions: [] });

      const tranches = await fx.call('GET', `/applications/${id}/disbursements`, 'analyst');
      expect(tranches.body.items.map((d: { amount: string }) => d.amount)).toEqual(['100000.00', '150000.55']);

      const timeline = (await fx.call('GET', `/applications/${id}/timeline`, 'analyst')).body.items;
      expect(timeline.map((e: { from: string | null; to: string; role: string; actor: string }) => [e.from, e.to, e.role, e.actor])).toEqual([
        [null, 'DRAFT', 'officer', 'officer-olga'],
        ['DRAFT', 'SUBMITTED', 'officer', 'officer-olga'],
        ['SUBMITTED', 'UNDER_REVIEW', 'reviewer', 'reviewer-rana'],
        ['UNDER_REVIEW', 'RETURNED', 'reviewer', 'reviewer-rana'],
        ['RETURNED', 'SUBMITTED', 'officer', 'officer-olga'],
        ['SUBMITTED', 'UNDER_REVIEW', 'reviewer', 'reviewer-ravi'],
        ['UNDER_REVIEW', 'APPROVED', 'reviewer', 'reviewer-ravi'],
        ['APPROVED', 'PARTIALLY_DISBURSED', 'admin', 'admin-ada'],
        ['PARTIALLY_DISBURSED', 'DISBURSED', 'admin', 'admin-ada'],
        ['DISBURSED', 'CLOSED', 'admin', 'admin-ada'],
      ]);
      expect(timeline[1].comment).toBe('Ready');
      expect(timeline[3].comment).toBe('Quote the stand price');
      expect(timeline[6]).toMatchObject({ comment: 'Stand only', amount: '250000.55' });
      const times = timeline.map((e: { at: string }) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);

      // Exactly one event per transition (the creation has no event type in the contract), in order.
      await expectEventually(() => expect(applicationEvents(id)).toHaveLength(9));
      const events = applicationEvents(id);
      expect(events.map((e) => e.type.replace('westgate.grants.application.', ''))).toEqual([
        'submitted.v1',
        'review-started.v1',
        'returned.v1',
        'submitted.v1',
        'review-started.v1',
        'approved.v1',
        'disbursed.v1',
        'disbursed.v1',
        'closed.v1',
      ]);
      expect(new Set(events.map((e) => e.id)).size).toBe(9);
      expect(events[5]).toMatchObject({
        source: '/westgate/support-grants',
        subject: id,
        data: {
          id,
          programmeId: p.id,
          programmeCode: p.code,
          enterpriseId: backbone,
          status: 'APPROVED',
          fromStatus: 'UNDER_REVIEW',
          requestedAmount: '300000.00',
          approvedAmount: '250000.55',
          disbursedAmount: '0.00',
          submittedBy: 'officer-olga',
          actor: { id: 'reviewer-ravi', name: 'Ravi', role: 'reviewer' },
          comment: 'Stand only',
        },
      });
      expect(events[7].data).toMatchObject({ status: 'DISBURSED', disbursedAmount: '250000.55', comment: 'TR-2' });
      // Each disbursed event names the tranche it paid, beside the running total.
      expect(events[6].data.tranche).toEqual({
        id: tranche1.body.disbursement.id,
        amount: '100000.00',
        reference: 'TR-1',
        disbursedAt: tranche1.body.disbursement.disbursedAt,
      });
      expect(events[7].data.tranche).toMatchObject({ id: tranche2.body.disbursement.id, amount: '150000.55', reference: 'TR-2' });
      expect(events.filter((e) => !e.type.endsWith('.disbursed.v1')).every((e) => !('tranche' in e.data))).toBe(true);
      expect(events.map((e) => e.data.version)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);

      // The budget's changes travel as programme events: created, approved (reserve), two tranches.
      await expectEventually(() => {
        const programmeEvents = recorder
          .on(fx.service.topic(TOPICS.grantsProgramme))
          .map((m) => JSON.parse(m.value ?? '{}'))
          .filter((e) => e.subject === p.id);
        expect(programmeEvents.map((e) => [e.type, e.data.budget.reserved, e.data.budget.disbursed])).toEqual([
          ['westgate.grants.programme.created.v1', '0.00', '0.00'],
          ['westgate.grants.programme.budget-changed.v1', '250000.55', '0.00'],
          ['westgate.grants.programme.budget-changed.v1', '250000.55', '100000.00'],
          ['westgate.grants.programme.budget-changed.v1', '250000.55', '250000.55'],
        ]);
      });
    });

    it('a rejected or withdrawn application releases nothing it did not reserve', async () => {
      const p = await fx.programme({ budget: '500000.00' });
      const kept = await fx.draft(p.id, backbone, { requestedAmount: '100000.00' });
      await fx.advance(kept.id, 'APPROVED');
      const rejected = await fx.draft(p.id, backbone, { requestedAmount: '100000.00' });
      await fx.advance(rejected.id, 'UNDER_REVIEW');
      const rejection = await fx.call('POST', `/applications/${rejected.id}/reject`, 'reviewer', { reason: 'Duplicate of an earlier request' });
      expect(rejection.body).toMatchObject({ status: 'REJECTED', decidedBy: 'reviewer-rana', approvedAmount: null });
      const withdrawn = await fx.draft(p.id, backbone, { requestedAmount: '100000.00' });
      await fx.advance(withdrawn.id, 'SUBMITTED');
      expect((await fx.call('POST', `/applications/${withdrawn.id}/withdraw`, 'officer', { reason: 'Enterprise changed plans' })).body.status).toBe('WITHDRAWN');
      expect(await budget(p.id)).toEqual({ total: '500000.00', reserved: '100000.00', disbursed: '0.00', available: '400000.00' });
      const timeline = (await fx.call('GET', `/applications/${rejected.id}/timeline`, 'analyst')).body.items;
      expect(timeline[timeline.length - 1]).toMatchObject({ from: 'UNDER_REVIEW', to: 'REJECTED', comment: 'Duplicate of an earlier request' });
    });

    it('refuses an approved amount above the requested one', async () => {
      const draft = await fx.draft(programme.id, backbone, { requestedAmount: '1000.00' });
      await fx.advance(draft.id, 'UNDER_REVIEW');
      const res = await fx.call('POST', `/applications/${draft.id}/approve`, 'reviewer', { approvedAmount: '1000.01' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('APPROVED_AMOUNT_ABOVE_REQUESTED');
    });

    it('approves the requested amount when none is given', async () => {
      const draft = await fx.draft(programme.id, backbone, { requestedAmount: '1234.56' });
      await fx.advance(draft.id, 'UNDER_REVIEW');
      const res = await fx.call('POST', `/applications/${draft.id}/approve`, 'admin', {});
      expect(res.body).toMatchObject({ status: 'APPROVED', approvedAmount: '1234.56' });
      const last = (await fx.call('GET', `/applications/${draft.id}/timeline`, 'admin')).body.items.pop();
      expect(last).toMatchObject({ role: 'admin', actor: 'admin-ada', to: 'APPROVED' });
    });
  });

  describe('the state machine refuses what it does not allow', () => {
    const attempts: Array<[string, Parameters<GrantsFixture['call']>[2], unknown]> = [
      ['submit', 'officer', {}],
      ['start-review', 'reviewer', {}],
      ['approve', 'reviewer', {}],
      ['reject', 'reviewer', { reason: 'No' }],
      ['return', 'reviewer', { comment: 'Fix' }],
      ['withdraw', 'officer', {}],
      ['close', 'admin', {}],
    ];

    it.each([['DRAFT'], ['SUBMITTED'], ['UNDER_REVIEW'], ['APPROVED']] as const)('from %s: 409 INVALID_TRANSITION naming the status', async (status) => {
      const draft = await fx.draft(programme.id, backbone, { requestedAmount: '10.00' });
      if (status !== 'DRAFT') await fx.advance(draft.id, status);
      const allowed: Record<string, string[]> = {
        DRAFT: ['submit', 'withdraw'],
        SUBMITTED: ['start-review', 'withdraw'],
        UNDER_REVIEW: ['approve', 'reject', 'return'],
        APPROVED: [],
      };
      for (const [action, as, body] of attempts.filter(([a]) => !allowed[status].includes(a))) {
        const res = await fx.call('POST', `/applications/${draft.id}/${action}`, as, body);
        expect({ action, status: res.status, code: res.body.code, currentStatus: res.body.currentStatus }).toEqual({
          action,
          status: 409,
          code: 'INVALID_TRANSITION',
          currentStatus: status,
        });
      }
      if (status === 'DRAFT' || status === 'SUBMITTED' || status === 'UNDER_REVIEW') {
        const res = await fx.call('POST', `/applications/${draft.id}/disbursements`, 'admin', { amount: '1.00', reference: 'X' });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: status });
      }
      const after = await fx.call('GET', `/applications/${draft.id}`, 'officer');
      expect(after.body.status).toBe(status);
    });

    it('a double click approves once: the second gets 409 naming APPROVED', async () => {
      const draft = await fx.draft(programme.id, backbone, { requestedAmount: '10.00' });
      await fx.advance(draft.id, 'UNDER_REVIEW');
      const [a, b] = await Promise.all([
        fx.call('POST', `/applications/${draft.id}/approve`, 'reviewer', {}),
        fx.call('POST', `/applications/${draft.id}/approve`, 'reviewer', {}),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect([a, b].find((r) => r.status === 409)?.body.currentStatus).toBe('APPROVED');
      await expectEventually(() => expect(applicationEvents(draft.id).filter((e) => e.type.endsWith('approved.v1'))).toHaveLength(1));
    });
  });

  describe('separation of duties', () => {
    const both = { sub: 'olive-both', name: 'Olive', roles: ['officer', 'reviewer'] as const };
    const bothAdmin = { sub: 'otto-both', roles: ['officer', 'admin'] as const };

    it.each(['approve', 'reject', 'return'])('whoever submitted it cannot %s it, even holding both roles', async (action) => {
      const token = tokenFor({ ...both, roles: [...both.roles] });
      const created = await fx.call('POST', '/applications', token, fx.applicationBody(programme.id, backbone, { requestedAmount: '10.00' }));
      await fx.call('POST', `/applications/${created.body.id}/submit`, token, {});
      const started = await fx.call('POST', `/applications/${created.body.id}/start-review`, token, {});
      expect(started.body.status).toBe('UNDER_REVIEW');
      const bodies: Record<string, object> = { approve: {}, reject: { reason: 'Looks fine to me' }, return: { comment: 'Fine' } };
      const res = await fx.call('POST', `/applications/${created.body.id}/${action}`, token, bodies[action]);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
      expect((await fx.call('GET', `/applications/${created.body.id}`, 'officer')).body.status).toBe('UNDER_REVIEW');
    });

    it('nor as admin, nor when another officer created it but they sent it for review', async () => {
      const adminToken = tokenFor({ ...bothAdmin, roles: [...bothAdmin.roles] });
      const created = await fx.call('POST', '/applications', adminToken, fx.applicationBody(programme.id, backbone, { requestedAmount: '10.00' }));
      await fx.advance(created.body.id, 'UNDER_REVIEW');
      const own = await fx.call('POST', `/applications/${created.body.id}/approve`, adminToken, {});
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('SEPARATION_OF_DUTIES');

      const token = tokenFor({ ...both, roles: [...both.roles] });
      const other = await fx.draft(programme.id, backbone, { requestedAmount: '10.00' });
      expect((await fx.call('POST', `/applications/${other.id}/submit`, token, {})).status).toBe(200);
      await fx.call('POST', `/applications/${other.id}/start-review`, 'reviewer', {});
      const res = await fx.call('POST', `/applications/${other.id}/approve`, token, {});
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
      expect((await fx.call('POST', `/applications/${other.id}/approve`, 'reviewer', {})).status).toBe(200);
    });
  });

  describe('withdrawal', () => {
    it('by the submitting officer or the enterprise itself; another officer gets 403, another enterprise 404', async () => {
      const mine = await fx.draft(programme.id, backbone, { requestedAmount: '10.00' });
      const stranger = await fx.call('POST', `/applications/${mine.id}/withdraw`, 'officer2', {});
      expect(stranger.status).toBe(403);
      expect(stranger.body.code).toBe('NOT_SUBMITTER');
      const otherEnterprise = await fx.call('POST', `/applications/${mine.id}/withdraw`, fx.enterpriseToken(randomUUID()), {});
      expect(otherEnterprise.status).toBe(404);
      const res = await fx.call('POST', `/applications/${mine.id}/withdraw`, fx.enterpriseToken(backbone), { reason: 'Not this year' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('WITHDRAWN');
      const last = (await fx.call('GET', `/applications/${mine.id}/timeline`, fx.enterpriseToken(backbone))).body.items.pop();
      expect(last).toMatchObject({ role: 'enterprise', from: 'DRAFT', to: 'WITHDRAWN', comment: 'Not this year' });
    });
  });

  describe('enterprises see their own applications only', () => {
    it('GET /me/applications, own application and timeline; another enterprise’s look missing', async () => {
      const mine = await fx.enterprise();
      const theirs = await fx.enterprise();
      const a1 = await fx.draft(programme.id, mine, { requestedAmount: '10.00' });
      const a2 = await fx.draft(programme.id, mine, { requestedAmount: '20.00' });
      await fx.advance(a2.id, 'SUBMITTED');
      const other = await fx.draft(programme.id, theirs, { requestedAmount: '30.00' });
      const token = fx.enterpriseToken(mine);

      const list = await fx.call('GET', '/me/applications', token);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([a2.id, a1.id]);
      expect(list.body.nextCursor).toBeNull();
      const submitted = await fx.call('GET', '/me/applications?status=SUBMITTED', token);
      expect(submitted.body.items.map((a: { id: string }) => a.id)).toEqual([a2.id]);

      expect((await fx.call('GET', `/applications/${a1.id}`, token)).status).toBe(200);
      expect((await fx.call('GET', `/applications/${a1.id}/timeline`, token)).status).toBe(200);
      const hidden = await fx.call('GET', `/applications/${other.id}`, token);
      const missing = await fx.call('GET', `/applications/${randomUUID()}`, token);
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
      expect((await fx.call('GET', `/applications/${other.id}/timeline`, token)).status).toBe(404);
      expect((await fx.call('GET', `/applications/${other.id}/disbursements`, token)).status).toBe(404);
    });
  });

  describe('lists', () => {
    it('filters by status, programme, enterprise and submitter, and pages with a cursor', async () => {
      const p = await fx.programme();
      const e = await fx.enterprise();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await fx.draft(p.id, e, { requestedAmount: '1.00' }, i % 2 === 0 ? 'officer' : 'officer2')).id);
      await fx.advance(ids[0], 'SUBMITTED');

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await fx.call(
          'GET',
          `/applications?programmeId=${p.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          'analyst',
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((a) => a.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());

      const bySubmitter = await fx.call('GET', `/applications?programmeId=${p.id}&submittedBy=officer-oleg`, 'reviewer');
      expect(bySubmitter.body.items.map((a: { id: string }) => a.id)).toEqual([ids[3], ids[1]]);
      const byStatus = await fx.call('GET', `/applications?enterpriseId=${e}&status=SUBMITTED,WITHDRAWN`, 'admin');
      expect(byStatus.body.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
      const defaults = await fx.call('GET', '/applications', 'officer');
      expect(defaults.body.items.length).toBeLessThanOrEqual(50);

      for (const bad of ['limit=0', 'limit=501', 'status=NOPE', 'programmeId=nope', 'cursor=%%%', 'cursor=bm9wZQ', 'colour=red']) {
        const res = await fx.call('GET', `/applications?${bad}`, 'analyst');
        expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
      }
    });
  });

  it('every response carries a correlation id, which travels into the events it causes', async () => {
    const draft = await fx.draft(programme.id, backbone, { requestedAmount: '10.00' });
    const res = await fx.call('POST', `/applications/${draft.id}/submit`, 'officer', {}, { 'x-correlation-id': 'corr-grants-submit-1' });
    expect(res.headers.get('x-correlation-id')).toBe('corr-grants-submit-1');
    await expectEventually(() => expect(applicationEvents(draft.id)).toEqual([expect.objectContaining({ correlationid: 'corr-grants-submit-1' })]));
  });
});
