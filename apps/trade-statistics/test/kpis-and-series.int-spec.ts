import { randomUUID } from 'node:crypto';
import { categoriesOf, isBordering, isCentralAsian, type CommodityCategory } from '@westgate/domain';
import type { TestService } from '@westgate/platform';
import { expectEventually, http, pollUntil, tokenFor } from '@westgate/testing';
import { cents, makeDeclarations, makeUsccs, usdOf, type TestDeclaration } from './support/declarations.fixture';
import { admin, analyst, officer, startStatistics, waitForTotal } from './support/statistics-service';
import { Upstream, type TestEnterprise } from './support/upstream-events';

const months = (year: number, last: number) => Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const growth = (current: bigint, base: bigint) => (base === 0n ? null : Number(current - base) / Number(base));
const sum = (rows: TestDeclaration[]) => rows.reduce((total, d) => total + cents(d.valueUsd), 0n);

describe('KPI dashboard and enterprise series', () => {
  let service: TestService;
  let upstream: Upstream;
  const usccs = makeUsccs(16, 123);
  const enterprises: TestEnterprise[] = usccs.slice(0, 10).map((uscc, i) => ({
    id: randomUUID(),
    uscc,
    name: `KPI enterprise ${i}`,
    zoneCode: null,
    designations: i < 3 ? [{ cycle: 2026, tier: 'BACKBONE' }] : i < 5 ? [{ cycle: 2026, tier: 'POTENTIAL' }, { cycle: 2025, tier: 'BACKBONE' }] : [],
    version: 1,
  }));
  const rows: TestDeclaration[] = [
    ...makeDeclarations({ count: 2500, usccs: usccs.slice(0, 14), periods: [...months(2025, 12), ...months(2026, 6)], seed: 31, idPrefix: 'KPI' }),
    // Two enterprises that export for the first time in 2026: new exporters.
    ...makeDeclarations({ count: 40, usccs: usccs.slice(14), periods: months(2026, 6), seed: 32, idPrefix: 'NEW' }).map((d) => ({ ...d, flow: 'EXPORT' as const })),
  ];
  const window = (d: TestDeclaration) => d.period >= '2026-01' && d.period <= '2026-06';
  const previous = (d: TestDeclaration) => d.period >= '2025-01' && d.period <= '2025-06';
  const exportsOf = (d: TestDeclaration) => d.flow === 'EXPORT';
  const tierOf = (uscc: string) => enterprises.find((e) => e.uscc === uscc)?.designations.find((x) => x.cycle === 2026)?.tier ?? 'NONE';

  beforeAll(async () => {
    // The dashboard's default cycle is the configured one, not the calendar's.
    service = await startStatistics({ env: { PROGRAMME_CYCLE: '2026' } });
    upstream = new Upstream(service);
    for (const enterprise of enterprises) await upstream.enterprise(enterprise);
    const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: rows });
    expect(response.status).toBe(202);
    await waitForTotal(service, '2025-01', '2026-12', rows.length);
    await pollUntil(async () => (await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprises[9].id}`, { token: analyst })).status === 200, {
      description: 'the registry projection',
    });
  });

  afterAll(async () => {
    await upstream?.close();
    await service?.close();
  });

  it('computes every KPI of the cycle as the rows say', async () => {
    const response = await http(service.baseUrl, 'GET', '/api/v1/stats/kpis?cycle=2026', { token: analyst });
    expect(response.status).toBe(200);
    const kpis = response.body;
    expect(kpis.months).toEqual({ from: '2026-01', to: '2026-06', previousYearFrom: '2025-01', previousYearTo: '2025-06' });
    expect((await http(service.baseUrl, 'GET', '/api/v1/stats/kpis', { token: analyst })).body).toEqual(kpis);

    const exportsNow = rows.filter((d) => exportsOf(d) && window(d));
    const exportsBefore = rows.filter((d) => exportsOf(d) && previous(d));
    expect(kpis.exports).toEqual({ valueUsd: usdOf(sum(exportsNow)), previousYearUsd: usdOf(sum(exportsBefore)), yoyGrowth: expect.any(Number) });
    expect(kpis.exports.yoyGrowth).toBeCloseTo(growth(sum(exportsNow), sum(exportsBefore)) as number, 10);

    for (const tier of ['BACKBONE', 'POTENTIAL', 'NONE'] as const) {
      const now = exportsNow.filter((d) => tierOf(d.uscc) === tier);
      const before = exportsBefore.filter((d) => tierOf(d.uscc) === tier);
      const actual = kpis.designatedEnterprises[tier === 'NONE' ? 'REST' : tier];
      expect(actual).toMatchObject({ valueUsd: usdOf(sum(now)), previousYearUsd: usdOf(sum(before)), exporters: new Set(now.map((d) => d.uscc)).size });
      expect(actual.yoyGrowth).toBeCloseTo(growth(sum(now), sum(before)) as number, 10);
      expect(actual.shareOfExports).toBeCloseTo(Number(sum(now)) / Number(sum(exportsNow)), 10);
    }
    expect(kpis.designatedEnterprises.BACKBONE.designated).toBe(3);
    expect(kpis.designatedEnterprises.POTENTIAL.designated).toBe(2);

    for (const category of ['AGRICULTURAL', 'BUILDING_MATERIALS', 'MECHANICAL_ELECTRICAL', 'HIGH_TECH'] as CommodityCategory[]) {
      const now = exportsNow.filter((d) => categoriesOf(d.hsCode).includes(category));
      const actual = kpis.encouragedExports.find((c: { category: string }) => c.category === category);
      expect(actual.valueUsd).toBe(usdOf(sum(now)));
      expect(actual.previousYearUsd).toBe(usdOf(sum(exportsBefore.filter((d) => categoriesOf(d.hsCode).includes(category)))));
    }

    for (const category of ['CRUDE_OIL', 'IRON_ORE', 'ENERGY_BULK'] as CommodityCategory[]) {
      const imports = rows.filter((d) => d.flow === 'IMPORT' && categoriesOf(d.hsCode).includes(category));
      const monthly = months(2026, 6).map((p) => sum(imports.filter((d) => d.period === p)));
      const actual = kpis.bulkImports.find((c: { category: string }) => c.category === category);
      expect(actual.months.map((m: { valueUsd: string }) => m.valueUsd)).toEqual(monthly.map(usdOf));
      months(2026, 6).forEach((p, i) => {
        const base = sum(imports.filter((d) => d.period === `2025${p.slice(4)}`));
        expect(actual.months[i].previousYearUsd).toBe(usdOf(base));
        if (base === 0n) expect(actual.months[i].yoyGrowth).toBeNull();
        else expect(actual.months[i].yoyGrowth).toBeCloseTo(growth(monthly[i], base) as number, 10);
      });
      const values = monthly.map(Number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const cv = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) / mean;
      expect(actual.volatility).toBeCloseTo(cv, 10);
    }

    const tradeNow = rows.filter(window);
    const share = (predicate: (c: string) => boolean) => Number(sum(tradeNow.filter((d) => predicate(d.partnerCountry)))) / Number(sum(tradeNow));
    expect(kpis.partnerShares.bordering.share).toBeCloseTo(share(isBordering), 10);
    expect(kpis.partnerShares.centralAsia.share).toBeCloseTo(share(isCentralAsian), 10);
    expect(kpis.partnerShares.borderingOrCentralAsia.share).toBeCloseTo(share((c) => isBordering(c) || isCentralAsian(c)), 10);
    const byCountry = new Map<string, bigint>();
    for (const d of exportsNow) byCountry.set(d.partnerCountry, (byCountry.get(d.partnerCountry) ?? 0n) + cents(d.valueUsd));
    const hhi = [...byCountry.values()].reduce((a, v) => a + (Number(v) / Number(sum(exportsNow))) ** 2, 0);
    expect(kpis.partnerConcentration.exports).toBeCloseTo(hhi, 10);

    const byEnterprise = new Map<string, bigint>();
    for (const d of tradeNow) byEnterprise.set(d.uscc, (byEnterprise.get(d.uscc) ?? 0n) + cents(d.valueUsd));
    const top = [...byEnterprise.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, 10);
    expect(kpis.topEnterprises.map((e: { uscc: string; tradeUsd: string }) => [e.uscc, e.tradeUsd])).toEqual(top.map(([uscc, v]) => [uscc, usdOf(v)]));
    expect(kpis.topEnterprises.find((e: { uscc: string }) => e.uscc === usccs[0])).toMatchObject({ enterpriseId: enterprises[0].id, tier: 'BACKBONE' });

    const firstExport = new Map<string, string>();
    for (const d of rows.filter(exportsOf)) if (!firstExport.has(d.uscc) || d.period < (firstExport.get(d.uscc) as string)) firstExport.set(d.uscc, d.period);
    expect(kpis.newExporters).toBe([...firstExport.values()].filter((p) => p >= '2026-01').length);
    expect(kpis.newExporters).toBeGreaterThanOrEqual(2);
  });

  it("gives an enterprise's monthly series, and its growth since its first approved support", async () => {
    const enterprise = enterprises[0];
    await upstream.approved(enterprise.id, '2026-05-02T08:00:00.000Z');
    await upstream.approved(enterprise.id, '2026-03-10T08:00:00.000Z');
    await expectEventually(async () => {
      const response = await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprise.id}`, { token: analyst });
      expect(response.body.support?.period).toBe('2026-03');
    });
    const { body } = await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprise.id}`, { token: analyst });
    const own = rows.filter((d) => d.uscc === enterprise.uscc);
    const allMonths = [...months(2025, 12), ...months(2026, 6)].filter((p) => p >= own.map((d) => d.period).sort()[0]);
    expect(body).toMatchObject({ enterpriseId: enterprise.id, uscc: enterprise.uscc, name: enterprise.name });
    expect(body.series.map((m: { period: string }) => m.period)).toEqual(allMonths);
    for (const month of body.series) {
      const these = own.filter((d) => d.period === month.period);
      expect([month.exportsUsd, month.importsUsd]).toEqual([usdOf(sum(these.filter(exportsOf))), usdOf(sum(these.filter((d) => d.flow === 'IMPORT')))]);
    }
    const since = own.filter((d) => exportsOf(d) && d.period >= '2026-03' && d.period <= '2026-06');
    const before = own.filter((d) => exportsOf(d) && d.period >= '2025-11' && d.period <= '2026-02');
    expect(body.support).toMatchObject({
      firstApprovedAt: '2026-03-10T08:00:00.000Z',
      monthsSince: 4,
      before: { from: '2025-11', to: '2026-02' },
      since: { from: '2026-03', to: '2026-06' },
      exports: { beforeUsd: usdOf(sum(before)), sinceUsd: usdOf(sum(since)) },
    });
    expect(body.support.exports.growth).toBeCloseTo(growth(sum(since), sum(before)) as number, 10);

    const ranged = await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprise.id}?from=2026-02&to=2026-04`, { token: analyst });
    expect(ranged.body.series.map((m: { period: string }) => m.period)).toEqual(['2026-02', '2026-03', '2026-04']);
  });

  it('shows an enterprise its own figures only, and the dashboard to analysts and admins only', async () => {
    const own = tokenFor({ roles: ['enterprise'], enterpriseId: enterprises[1].id });
    expect((await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprises[1].id}`, { token: own })).status).toBe(200);
    const other = await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${enterprises[2].id}`, { token: own });
    const missing = await http(service.baseUrl, 'GET', `/api/v1/stats/enterprises/${randomUUID()}`, { token: analyst });
    expect([other.status, other.body.code]).toEqual([404, 'ENTERPRISE_NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'ENTERPRISE_NOT_FOUND']);
    expect((await http(service.baseUrl, 'GET', '/api/v1/stats/enterprises/not-a-uuid', { token: analyst })).status).toBe(404);
    expect((await http(service.baseUrl, 'GET', '/api/v1/stats/kpis?cycle=2026', { token: officer })).status).toBe(403);
    expect((await http(service.baseUrl, 'GET', '/api/v1/stats/kpis?cycle=2026', { token: admin })).status).toBe(200);
    expect((await http(service.baseUrl, 'GET', '/api/v1/stats/kpis?cycle=20x6', { token: admin })).status).toBe(400);
  });
});
