import { randomUUID } from 'node:crypto';
import { TOPICS, TRADE_ALERT_EVENTS, validateEvent, type ExportDeclineAlertV1 } from '@westgate/contracts';
import type { TestService } from '@westgate/platform';
import { expectEventually, http, pollUntil, testKafka, TopicRecorder } from '@westgate/testing';
import { addMonths, periodOfDate } from '@westgate/domain';
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
  // Months relative to today, so that the test means the same next year: the two months before
  // this one (not due for the automatic close) and, two years back, one that is.
  const thisMonth = periodOfDate(new Date());
  const [MAR, APR] = [addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
  const [MAR_BEFORE, APR_BEFORE] = [addMonths(MAR, -12), addMonths(APR, -12)];
  const [OLD, OLD_BEFORE] = [addMonths(thisMonth, -24), addMonths(thisMonth, -36)];
  const cycle = Number(MAR.slice(0, 4));
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
  // Designated for the year of each of the two months (they may straddle a new year).
  const cycles = [...new Set([MAR, APR].map((p) => Number(p.slice(0, 4))))];
  const tier = (t: 'BACKBONE' | 'POTENTIAL') => cycles.map((c) => ({ cycle: c, tier: t }));
  const designations = (old: number): Array<TestEnterprise['designations']> => [
    tier('BACKBONE'),
    tier('POTENTIAL'),
    tier('POTENTIAL'),
    [],
    tier('BACKBONE'),
    [{ cycle: cycle - 1, tier: 'BACKBONE' }],
    tier('BACKBONE'),
    [{ cycle: old, tier: 'BACKBONE' }],
  ];
  const enterprises: TestEnterprise[] = usccs.map((uscc, i) => ({
    id: randomUUID(),
    uscc,
    name: names[i],
    zoneCode: null,
    designations: designations(Number(OLD.slice(0, 4)))[i],
    version: 1,
  }));
  const rows: TestDeclaration[] = [
    declaration(0, MAR_BEFORE, '600.00'),
    declaration(0, MAR_BEFORE, '400.00'),
    declaration(0, MAR, '700.00'),
    declaration(0, MAR, '5000.00', 'IMPORT'), // imports do not offset a fall in exports
    declaration(1, MAR_BEFORE, '1000.00'),
    declaration(1, MAR, '800.00'),
    declaration(2, MAR_BEFORE, '500.00'),
    declaration(2, APR, '500.00'),
    declaration(3, MAR_BEFORE, '1000.00'),
    declaration(3, MAR, '500.00'),
    declaration(4, MAR, '10.00'),
    declaration(5, MAR_BEFORE, '1000.00'),
    declaration(5, MAR, '100.00'),
    declaration(6, MAR_BEFORE, '100.00'),
    declaration(6, MAR, '150.00'),
    declaration(0, APR_BEFORE, '1000.00'),
    declaration(0, APR, '100.00'),
    declaration(6, APR_BEFORE, '1000.00'),
    declaration(6, APR, '100.00'),
  ];

  beforeAll(async () => {
    // Months close by themselves 200 days after they end, checked every second.
    service = await startStatistics({ env: { PERIOD_AUTO_CLOSE_DAYS: '200', PERIOD_AUTO_CLOSE_CHECK_SECONDS: '1' } });
    recorder = await new TopicRecorder(testKafka('alerts-reader'), [service.topic(TOPICS.tradeAlert)]).start();
    upstream = new Upstream(service);
    for (const enterprise of enterprises) await upstream.enterprise(enterprise);
    await pollUntil(
      async () => (await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprises[7].id}`, { token: analyst })).status === 200,
      { description: 'the registry projection' },
    );
    const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: rows });
    expect(response.body).toEqual({ accepted: rows.length, rejected: [] });
    await waitForTotal(service, MAR_BEFORE, APR, rows.length);
  });

  afterAll(async () => {
    await recorder?.stop();
    await upstream?.close();
    await service?.close();
  });

  const alertsFor = (period: string) =>
    recorder.on(service.topic(TOPICS.tradeAlert)).filter((m) => JSON.parse(m.value ?? '{}').data?.period === period);

  it('alerts the designated enterprises whose exports fell more than 20 %, and no one else', async () => {
    const response = await http(service.baseUrl, 'POST', `/api/v1/periods/${MAR}/close`, { token: admin });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ period: MAR, closedBy: 'admin-1', automatic: false, alertsRaised: 2 });
    expect(response.body.alerts.map((a: { enterpriseId: string; changeRatio: string; exportsUsd: string }) => [a.enterpriseId, a.exportsUsd, a.changeRatio])).toEqual([
      [enterprises[2].id, '0.00', '-1.0000'],
      [enterprises[0].id, '700.00', '-0.3000'],
    ]);
    await pollUntil(() => alertsFor(MAR).length >= 2, { description: 'the alert events' });
    const events = alertsFor(MAR).map((m) => validateEvent<ExportDeclineAlertV1>(JSON.parse(m.value ?? '{}'), TRADE_ALERT_EVENTS));
    expect(events.every((e) => e.ok)).toBe(true);
    const payloads = events.map((e) => (e.ok ? e.event.data : undefined)).sort((a, b) => (a?.changeRatio ?? '').localeCompare(b?.changeRatio ?? ''));
    expect(payloads[0]).toEqual({
      enterpriseId: enterprises[0].id,
      uscc: usccs[0],
      enterpriseName: names[0],
      tier: 'BACKBONE',
      cycle,
      period: MAR,
      exportsUsd: '700.00',
      previousYearExportsUsd: '1000.00',
      changeRatio: '-0.3000',
    });
    expect(payloads[1]).toMatchObject({ enterpriseId: enterprises[2].id, tier: 'POTENTIAL', exportsUsd: '0.00', previousYearExportsUsd: '500.00' });
  });

  it('raises each alert once, however often and however concurrently the month is closed', async () => {
    const again = await http(service.baseUrl, 'POST', `/api/v1/periods/${MAR}/close`, { token: admin });
    expect(again.body).toMatchObject({ alertsRaised: 0, closedBy: 'admin-1' });
    expect(again.body.alerts).toHaveLength(2);
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () => http(service.baseUrl, 'POST', `/api/v1/periods/${APR}/close`, { token: admin })),
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(concurrent.reduce((sum, r) => sum + r.body.alertsRaised, 0)).toBe(2);
    // Enterprise 0 fell 90 % in April: its April alert is its own, besides March's.
    expect(concurrent[0].body.alerts.map((a: { enterpriseId: string }) => a.enterpriseId).sort()).toEqual([enterprises[0].id, enterprises[6].id].sort());
    await pollUntil(() => alertsFor(APR).length >= 2, { description: 'April alerts' });
    const stable = await http(service.baseUrl, 'GET', `/api/v1/periods/${APR}`, { token: analyst });
    expect(stable.body).toMatchObject({ period: APR, closed: true });
    // Nothing more arrives: each (enterprise, month) exactly once.
    const march = await http(service.baseUrl, 'POST', `/api/v1/periods/${MAR}/close`, { token: admin });
    expect(march.body.alertsRaised).toBe(0);
    await expectEventually(() => {
      expect(alertsFor(MAR)).toHaveLength(2);
      expect(alertsFor(APR)).toHaveLength(2);
    });
  });

  it('closes months by itself a configured number of days after they end', async () => {
    const auto = [declaration(7, OLD_BEFORE, '1000.00'), declaration(7, OLD, '10.00')];
    await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: auto });
    const closed = await pollUntil(
      async () => {
        const response = await http(service.baseUrl, 'GET', `/api/v1/periods/${OLD}`, { token: analyst });
        return response.status === 200 ? response.body : false;
      },
      { timeoutMs: 30_000, description: `${OLD} to be closed automatically` },
    );
    expect(closed).toMatchObject({ automatic: true, closedBy: 'system:auto-close' });
    expect(closed.alerts).toEqual([expect.objectContaining({ enterpriseId: enterprises[7].id, changeRatio: '-0.9900', tier: 'BACKBONE' })]);
    await pollUntil(() => alertsFor(OLD).length === 1, { description: 'the automatic alert' });
    // The year before's months were due too (no designated enterprise fell then); last months not yet.
    expect((await http(service.baseUrl, 'GET', `/api/v1/periods/${MAR_BEFORE}`, { token: analyst })).body).toMatchObject({ automatic: true, alerts: [] });
    expect((await http(service.baseUrl, 'GET', `/api/v1/periods/${MAR}`, { token: analyst })).body).toMatchObject({ automatic: false, closedBy: 'admin-1' });
  });

  it('lets only admins close months, and refuses what is not a month', async () => {
    expect((await http(service.baseUrl, 'POST', `/api/v1/periods/${thisMonth}/close`, { token: analyst })).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', `/api/v1/periods/${thisMonth}/close`, { token: officer })).status).toBe(403);
    expect((await http(service.baseUrl, 'POST', `/api/v1/periods/${thisMonth}/close`)).status).toBe(401);
    const bad = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-13/close', { token: admin });
    expect([bad.status, bad.body.code, bad.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'period']);
    // Closing takes no body: a field is refused by name, not ignored.
    const withField = await http(service.baseUrl, 'POST', '/api/v1/periods/2026-13/close', { token: admin, body: { automatic: true } });
    expect([withField.status, withField.body.errors?.[0]?.field]).toEqual([400, 'automatic']);
  });
});
