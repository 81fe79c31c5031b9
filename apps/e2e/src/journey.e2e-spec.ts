import { generateUscc } from '@westgate/domain';
import { caller, call, eventually } from './support/client';
import { SERVICES } from './support/stack';

/**
 * One support application's life across the four services, as API.md describes it: an officer
 * registers an enterprise, an admin designates it and opens a programme, the application is
 * submitted, reviewed and approved, the enterprise follows it and is told, and its trade shows
 * up in the figures by tier.
 */
describe('a backbone enterprise gets export support', () => {
  const cycle = new Date().getUTCFullYear();
  const admin = caller(['admin'], 'e2e-admin');
  const officer = caller(['officer'], 'e2e-officer');
  const reviewer = caller(['reviewer'], 'e2e-reviewer');
  const analyst = caller(['analyst'], 'e2e-analyst');
  const uscc = generateUscc(Math.random);
  let enterpriseId: string;
  let programmeId: string;
  let applicationId: string;

  it('an officer registers the enterprise', async () => {
    const registered = await call(SERVICES.registry, 'POST', '/api/v1/enterprises', officer, {
      uscc,
      name: 'Kashgar Silk Road Trading Co.',
      region: 'Kashgar',
      sectors: ['AGRICULTURAL', 'TEXTILES_LIGHT'],
      contactEmail: 'export@silkroad.example',
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ uscc, tier: 'NONE', status: 'ACTIVE' });
    enterpriseId = registered.body.id;
  });

  it('an admin designates it BACKBONE for the cycle and opens a programme for backbone enterprises', async () => {
    const designated = await call(SERVICES.registry, 'POST', `/api/v1/enterprises/${enterpriseId}/designations`, admin, {
      tier: 'BACKBONE',
      cycle,
      reason: 'leading exporter of dried fruit',
    });
    expect(designated.status).toBe(201);
    const programme = await call(SERVICES.grants, 'POST', '/api/v1/programmes', admin, {
      code: `E2E-${uscc.slice(-8)}`,
      name: 'Export expansion (e2e)',
      cycle,
      budget: '2000000.00',
      eligibleTiers: ['BACKBONE'],
      purposes: ['EXPORT_EXPANSION', 'TRADE_FAIR'],
      maxGrantPerEnterprise: '800000.00',
      opensAt: `${cycle}-01-01T00:00:00.000Z`,
      closesAt: `${cycle}-12-31T23:59:59.000Z`,
    });
    expect(programme.status).toBe(201);
    programmeId = programme.body.id;
  });

  it('the officer applies, and submission succeeds once the registry’s events reached grants', async () => {
    const created = await call(SERVICES.grants, 'POST', '/api/v1/applications', officer, {
      programmeId,
      enterpriseId,
      purpose: 'TRADE_FAIR',
      tradeFair: 'KASHGAR_FAIR',
      targetMarkets: ['KZ', 'UZ'],
      requestedAmount: '600000.00',
      title: 'Stand at the Kashgar fair',
      description: 'Booth, logistics and samples for Central Asian buyers',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', submittedBy: 'e2e-officer' });
    applicationId = created.body.id;
    const submitted = await eventually(async () => {
      const reply = await call(SERVICES.grants, 'POST', `/api/v1/applications/${applicationId}/submit`, officer, undefined, {
        'idempotency-key': `submit-${applicationId}`,
      });
      return reply.status === 200 || reply.status === 201 ? reply : false;
    }, 'the enterprise and its designation to reach grants');
    expect(submitted.body.status).toBe('SUBMITTED');
  });

  it('a reviewer decides it; the budget is reserved', async () => {
    expect((await call(SERVICES.grants, 'POST', `/api/v1/applications/${applicationId}/start-review`, reviewer)).body.status).toBe('UNDER_REVIEW');
    const approved = await call(SERVICES.grants, 'POST', `/api/v1/applications/${applicationId}/approve`, reviewer, {
      approvedAmount: '550000.00',
      comment: 'good plan',
    });
    expect(approved.body.status).toBe('APPROVED');
    const programme = await call(SERVICES.grants, 'GET', `/api/v1/programmes/${programmeId}`, admin);
    expect(programme.body.budget).toMatchObject({ total: '2000000.00', reserved: '550000.00', available: '1450000.00' });
  });

  it('the enterprise follows its application and is told of the decision', async () => {
    const enterprise = caller(['enterprise'], 'e2e-enterprise-user', enterpriseId);
    const mine = await call(SERVICES.grants, 'GET', '/api/v1/me/applications', enterprise);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[applicationId, 'APPROVED']]);
    const timeline = await call(SERVICES.grants, 'GET', `/api/v1/applications/${applicationId}/timeline`, enterprise);
    const steps = (timeline.body.items ?? timeline.body).map((t: { from: string | null; to: string }) => `${t.from}→${t.to}`);
    expect(steps).toEqual(['null→DRAFT', 'DRAFT→SUBMITTED', 'SUBMITTED→UNDER_REVIEW', 'UNDER_REVIEW→APPROVED']);
    const inbox = await eventually(async () => {
      const reply = await call(SERVICES.notifications, 'GET', '/api/v1/notifications', enterprise);
      return reply.body?.items?.some((n: { eventType: string }) => n.eventType === 'westgate.grants.application.approved.v1') && reply;
    }, 'the approval notice in the enterprise’s inbox');
    expect(inbox.status).toBe(200);
    const other = caller(['enterprise'], 'someone-else', '00000000-0000-4000-8000-000000000000');
    expect((await call(SERVICES.grants, 'GET', `/api/v1/applications/${applicationId}`, other)).status).toBe(404);
  });

  it('its exports count for BACKBONE in the figures', async () => {
    const declarations = [1, 2, 3].map((month) => ({
      declarationId: `e2e-${uscc}-${month}`,
      uscc,
      flow: 'EXPORT',
      hsCode: '08042000',
      partnerCountry: 'KZ',
      period: `${cycle}-0${month}`,
      valueUsd: '10000.00',
    }));
    const accepted = await call(SERVICES.statistics, 'POST', '/api/v1/declarations', admin, declarations);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ accepted: 3, rejected: [] });
    const summary = await eventually(async () => {
      const reply = await call(
        SERVICES.statistics,
        'GET',
        `/api/v1/stats/summary?from=${cycle}-01&to=${cycle}-03&flow=EXPORT&groupBy=tier&enterpriseId=${enterpriseId}`,
        analyst,
      );
      return reply.body?.totalValueUsd === '30000.00' && reply;
    }, 'the declarations in the summary');
    expect(summary.body.rows).toEqual([expect.objectContaining({ key: 'BACKBONE', valueUsd: '30000.00', declarations: 3, share: 1 })]);
  });
});
