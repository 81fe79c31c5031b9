import { randomUUID } from 'node:crypto';
import { TOPICS, TRADE_ALERT_EVENTS, validateEvent, type ExportDeclineAlertV1 } from '@westgate/contracts';
import type { TestService } from '@westgate/platform';
import { expectEventually, http, pollUntil, testKafka, TopicRecorder } from '@westgate/testing';
import { makeUsccs, type TestDeclaration } from './support/declarations.fixture';
import { admin, analyst, officer, startStatistics, waitForTotal } from './support/statistics-service';
import { Upstream, type TestEnterprise } from './support/upstream-events';

/**
 * Closing a month raises one export-decline alert per designated enterprise whose exports fell
 * more than 20 % year on year, through the outbox, exactly once however often the month is closed.
 */
describe('period close and export-decline alerts', () => {
  let service: TestService;
  let upstream: Upstream;
  let recorder: TopicRecorder;
  const usccs = makeUsccs(8, 99);
  const names = ['falls 30 %', 'falls exactly 20 %', 'stops exporting', 'not designated', 'no base', 'designated the year before only', 'grows', 'auto'];
  const designations: Array<TestEnterprise['designations']> = [
    [{ cycle: 2026, tier: 'BACKBONE' }],
    [{ cycle: 2026, tier: 'POTENTIAL' }],
    [{ cycle: 2026, tier: 'POTENTIAL' }],
    [],
    [{ cycle: 2026, tier: 'BACKBONE' }],
    [{ cycle: 2025, tier: 'BACKBONE' }],
    [{ cycle: 2026, tier: 'BACKBONE' }],
    [{ cycle: 2024, tier: 'BACKBONE' }],
  ];
  const enterprises: TestEnterprise[] = usccs.map((uscc, i) => ({ id: randomUUID(), uscc, name: names[i], zoneCode: null, designations: designations[i], version: 1 }));
  let n = 0;
  const declaration = (i: number, period: string, valueUsd: string, flow: 'EXPORT' | 'IMPORT' = 'EXPORT'): TestDeclaration => ({
    declarationId: `ALERT-${(n += 1)}`,
    uscc: usccs[i],
    flow,
    hsCode: '0808100000',
    partnerCountry: 'KZ',
    period,
    valueUsd,
  });
  const rows: TestDeclaration[] = [
    declaration(0, '2025-03', '600.00'),
    declaration(0, '2025-03', '400.00'),
    declaration(0, '2026-03', '700.00'),
    declaration(0, '2026-03', '5000.00', 'IMPORT'), // imports do not offset a fall in exports
    declaration(1, '2025-03', '1000.00'),
    declaration(1, '2026-03', '800.00'),
    declaration(2, '2025-03', '500.00'),
    declaration(2, '2026-04', '500.00'),
    declaration(3, '2025-03', '1000.00'),
    declaration(3, '2026-03', '500.00'),
    declaration(4, '2026-03', '10.00'),
    declaration(5, '2025-03', '1000.00'),
    declaration(5, '2026-03', '100.00'),
    declaration(6, '2025-03', '100.00'),
    declaration(6, '2026-03', '150.00'),
    declaration(0, '2025-04', '1000.00'),
    declaration(0, '2026-04', '100.00'),
    declaration(6, '2025-04', '1000.00'),
    declaration(6, '2026-04', '100.00'),
  ];

  beforeAll(async () => {
    // Months close by themselves 366 days after they end: up to 2025-10 they have by now (November 2026), 2026 not yet.
    service = await startStatistics({ env: { PERIOD_AUTO_CLOSE_DAYS: '366', PERIOD_AUTO_CLOSE_CHECK_SECONDS: '1' } });
    recorder = await new TopicRecorder(testKafka('alerts-reader'), [service.topic(TOPICS.tradeAlert)]).start();
    upstream = new Upstream(service);
    for (const enterprise of enterprises) await upstream.enterprise(enterprise);
    await pollUntil(
      async () => (await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprises[7].id}`, { token: analyst })).status === 200,
      { description: 'the registry projection' },
    );
    const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: rows });
    expect(response.body).toEqual({ accepted: rows.length, rejected: [] });
    await waitForTotal(service, '2025-01', '2026-12', rows.length);
  });

  afterAll(async () => {
    await recorder?.stop();
    await upstream?.close();
    await service?.close();
  });

  const alertsFor = (period: string) =>
    recorder.on(service.topic(TOPICS.tradeAlert)).filter((m) => JSON.parse(m.value ?? '{}').data?.period === period);

  it('alerts the designated enterprises whose exports fell more than 20 %, and no one else', async () => {
    const response = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-03/close', { token: admin });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ period: '2026-03', closedBy: 'admin-1', automatic: false, alertsRaised: 2 });
    expect(response.body.alerts.map((a: { enterpriseId: string; changeRatio: string; exportsUsd: string }) => [a.enterpriseId, a.exportsUsd, a.changeRatio])).toEqual([
      [enterprises[2].id, '0.00', '-1.0000'],
      [enterprises[0].id, '700.00', '-0.3000'],
    ]);
    await pollUntil(() => alertsFor('2026-03').length >= 2, { description: 'the alert events' });
    const events = alertsFor('2026-03').map((m) => validateEvent<ExportDeclineAlertV1>(JSON.parse(m.value ?? '{}'), TRADE_ALERT_EVENTS));
    expect(events.every((e) => e.ok)).toBe(true);
    const payloads = events.map((e) => (e.ok ? e.event.data : undefined)).sort((a, b) => (a?.changeRatio ?? '').localeCompare(b?.changeRatio ?? ''));
    expect(payloads[0]).toEqual({
      enterpriseId: enterprises[0].id,
      uscc: usccs[0],
      enterpriseName: names[0],
      tier: 'BACKBONE',
      cycle: 2026,
      period: '2026-03',
      exportsUsd: '700.00',
      previousYearExportsUsd: '1000.00',
      changeRatio: '-0.3000',
    });
    expect(payloads[1]).toMatchObject({ enterpriseId: enterprises[2].id, tier: 'POTENTIAL', exportsUsd: '0.00', previousYearExportsUsd: '500.00' });
  });

  it('raises each alert once, however often and however concurrently the month is closed', async () => {
    const again = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-03/close', { token: admin });
    expect(again.body).toMatchObject({ alertsRaised: 0, closedBy: 'admin-1' });
    expect(again.body.alerts).toHaveLength(2);
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () => http(service.baseUrl, 'POST', '/api/v1/periods/2026-04/close', { token: admin })),
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(concurrent.reduce((sum, r) => sum + r.body.alertsRaised, 0)).toBe(2);
    // Enterprise 0 fell 90 % in April: its April alert is its own, besides March's.
    expect(concurrent[0].body.alerts.map((a: { enterpriseId: string }) => a.enterpriseId).sort()).toEqual([enterprises[0].id, enterprises[6].id].sort());
    await pollUntil(() => alertsFor('2026-04').length >= 2, { description: 'April alerts' });
    const stable = await http(service.baseUrl, 'GET', '/api/v1/periods/2026-04', { token: analyst });
    expect(stable.body).toMatchObject({ period: '2026-04', closed: true });
    // Nothing more arrives: each (enterprise, month) exactly once.
    const march = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-03/close', { token: admin });
    expect(march.body.alertsRaised).toBe(0);
    await expectEventually(() => {
      expect(alertsFor('2026-03')).toHaveLength(2);
      expect(alertsFor('2026-04')).toHaveLength(2);
    });
  });

  it('closes months by itself a configured number of days after they end', async () => {
    const auto = [declaration(7, '2023-06', '1000.00'), declaration(7, '2024-06', '10.00')];
    await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: auto });
    const closed = await pollUntil(
      async () => {
        const response = await http(service.baseUrl, 'GET', '/api/v1/periods/2024-06', { token: analyst });
        return response.status === 200 ? response.body : false;
      },
      { timeoutMs: 30_000, description: '2024-06 to be closed automatically' },
    );
    expect(closed).toMatchObject({ automatic: true, closedBy: 'system:auto-close' });
    expect(closed.alerts).toEqual([expect.objectContaining({ enterpriseId: enterprises[7].id, changeRatio: '-0.9900', tier: 'BACKBONE' })]);
    await pollUntil(() => alertsFor('2024-06').length === 1, { description: 'the automatic alert' });
    // 2025-03 was due on 2026-04-02 (no designated enterprise fell then); 2026 months are not due yet.
    expect((await http(service.baseUrl, 'GET', '/api/v1/periods/2025-03', { token: analyst })).body).toMatchObject({ automatic: true, alerts: [] });
    expect((await http(service.baseUrl, 'GET', '/api/v1/periods/2026-03', { token: analyst })).body).toMatchObject({ automatic: false, closedBy: 'admin-1' });
  });

  it('lets only admins close months, and refuses what is not a month', async () => {
    expect((await http(service.baseUrl, 'POST', '/api/v1/periods/2026-05/close', { token: analyst })).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', '/api/v1/periods/2026-05/close', { token: officer })).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', '/api/v1/periods/2026-05/close')).status).toBe(401);
    const bad = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-13/close', { token: admin });
    expect([bad.status, bad.body.code, bad.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'period']);
  });
});
