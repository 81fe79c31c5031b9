import { randomUUID } from 'node:crypto';
import type { TestService } from '@westgate/platform';
import { expectEventually, http, tokenFor } from '@westgate/testing';
import { rollupDifferences } from './support/consistency';
import {
  DIMENSIONS,
  expectedSummary,
  makeDeclarations,
  makeUsccs,
  type Dimension,
  type TestDeclaration,
} from './support/declarations.fixture';
import { analyst, officer, startStatistics, summary, waitForTotal } from './support/statistics-service';
import { Upstream, type TestEnterprise } from './support/upstream-events';

/**
 * Every groupBy and filter of API.md against figures computed here, independently, from the
 * same rows: each declaration once (duplicates posted again are ignored), categories from the
 * domain catalogue (a row counts in each of its categories), tier as designated for the
 * declaration's year, zone and enterprise from the registry's events.
 */
describe('GET /stats/summary', () => {
  let service: TestService;
  let upstream: Upstream;
  const usccs = makeUsccs(12, 41);
  const enterprises: TestEnterprise[] = usccs.slice(0, 8).map((uscc, i) => ({
    id: randomUUID(),
    uscc,
    name: `Enterprise ${i}`,
    zoneCode: [0, 1].includes(i) ? 'KHORGOS-ICBC' : [2, 5].includes(i) ? 'YINING-BECZ' : null,
    designations:
      i === 0
        ? [
            { cycle: 2025, tier: 'BACKBONE' },
            { cycle: 2026, tier: 'BACKBONE' },
          ]
        : i === 1
          ? [{ cycle: 2026, tier: 'POTENTIAL' }]
          : i === 2
            ? [
                { cycle: 2025, tier: 'BACKBONE' },
                { cycle: 2026, tier: 'POTENTIAL' },
              ]
            : i === 5
              ? [{ cycle: 2026, tier: 'BACKBONE' }]
              : [],
    version: 1,
  }));
  const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const rows: TestDeclaration[] = [
    ...makeDeclarations({ count: 3000, usccs, periods, seed: 11, idPrefix: 'SUM' }),
    // A partner traded with only in 2026: its growth has no base.
    ...makeDeclarations({ count: 15, usccs, periods: ['2026-02', '2026-03'], seed: 12, idPrefix: 'BT' }).map((d) => ({ ...d, partnerCountry: 'BT' })),
  ];

  const enterpriseOf = (uscc: string) => enterprises.find((e) => e.uscc === uscc);
  const tierOf = (d: TestDeclaration) => enterpriseOf(d.uscc)?.designations.find((x) => x.cycle === Number(d.period.slice(0, 4)))?.tier ?? 'NONE';
  const zoneOf = (d: TestDeclaration) => enterpriseOf(d.uscc)?.zoneCode ?? 'NONE';
  const dimensions: Record<string, Dimension> = {
    ...DIMENSIONS,
    tier: (d) => [tierOf(d)],
    zone: (d) => [zoneOf(d)],
    enterprise: (d) => [enterpriseOf(d.uscc)?.id ?? d.uscc],
  };

  beforeAll(async () => {
    service = await startStatistics();
    upstream = new Upstream(service);
    // Half the enterprises are known to the registry before their declarations arrive, half after.
    for (const enterprise of enterprises.slice(0, 4)) await upstream.enterprise(enterprise);
    const first = rows.slice(0, 2000);
    const second = rows.slice(1500);
    // Duplicates inside one request, across requests, and after the registry changed.
    for (const batch of [[...first, ...first.slice(0, 100)], second, rows.slice(0, 300)]) {
      const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: batch });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ accepted: batch.length, rejected: [] });
    }
    await waitForTotal(service, '2025-01', '2026-12', rows.length);
    for (const enterprise of enterprises.slice(4)) await upstream.enterprise(enterprise);
    await expectEventually(
      async () => {
        const byZone = await summary(service, { from: '2025-01', to: '2026-12', groupBy: 'zone' });
        expect(byZone.rows.find((r) => r.key === 'YINING-BECZ')?.declarations).toBe(
          rows.filter((d) => zoneOf(d) === 'YINING-BECZ').length,
        );
        const byTier = await summary(service, { from: '2026-01', to: '2026-12', groupBy: 'tier' });
        expect(byTier.rows.find((r) => r.key === 'BACKBONE')?.declarations).toBe(
          rows.filter((d) => d.period >= '2026' && tierOf(d) === 'BACKBONE').length,
        );
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  afterAll(async () => {
    await upstream?.close();
    await service?.close();
  });

  const filterSets: Array<Record<string, string>> = [
    {},
    { category: 'MECHANICAL_ELECTRICAL' },
    { partnerCountry: 'KZ' },
    { tier: 'BACKBONE' },
    { zone: 'KHORGOS-ICBC' },
    { tier: 'NONE', zone: 'NONE' },
    { category: 'ENERGY_BULK', partnerCountry: 'RU' },
    { category: 'HIGH_TECH', tier: 'POTENTIAL', partnerCountry: 'KZ' },
    { enterprise: '0' },
    { enterprise: '2', category: 'AGRICULTURAL' },
  ];
  const groups = ['category', 'partnerCountry', 'partnerRegion', 'hsChapter', 'zone', 'tier', 'period', 'enterprise'];

  function filterOf(filters: Record<string, string>, flow?: string): (d: TestDeclaration) => boolean {
    return (d) =>
      (!flow || d.flow === flow) &&
      (!filters.category || DIMENSIONS.category(d).includes(filters.category as never)) &&
      (!filters.partnerCountry || d.partnerCountry === filters.partnerCountry) &&
      (!filters.tier || tierOf(d) === filters.tier) &&
      (!filters.zone || zoneOf(d) === filters.zone) &&
      (!filters.enterprise || d.uscc === enterprises[Number(filters.enterprise)].uscc);
  }

  function toQuery(filters: Record<string, string>): Record<string, string> {
    const { enterprise, ...rest } = filters;
    return enterprise === undefined ? rest : { ...rest, enterpriseId: enterprises[Number(enterprise)].id };
  }

  it.each(groups)('groupBy=%s answers every filter and flow as computed from the rows', async (groupBy) => {
    for (const filters of filterSets) {
      for (const flow of [undefined, 'EXPORT', 'IMPORT']) {
        for (const [from, to] of [
          ['2026-01', '2026-06'],
          ['2025-02', '2026-04'],
        ]) {
          const query = { from, to, groupBy, ...(flow ? { flow } : {}), ...toQuery(filters) };
          const actual = await summary(service, query);
          const expected = expectedSummary(rows, { from, to, key: dimensions[groupBy], filter: filterOf(filters, flow) });
          const context = JSON.stringify(query);
          expect({ context, total: actual.totalValueUsd }).toEqual({ context, total: expected.totalValueUsd });
          const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
          const actualRows = [...actual.rows].sort(byKey);
          const expectedRows = [...expected.rows].sort(byKey);
          expect({ context, rows: actualRows.map((r) => [r.key, r.valueUsd, r.declarations]) }).toEqual({
            context,
            rows: expectedRows.map((r) => [r.key, r.valueUsd, r.declarations]),
          });
          actualRows.forEach((row, i) => {
            expect(row.share).toBeCloseTo(expectedRows[i].share, 10);
            if (expectedRows[i].yoyGrowth === null) expect({ context, key: row.key, yoy: row.yoyGrowth }).toEqual({ context, key: row.key, yoy: null });
            else expect(row.yoyGrowth).toBeCloseTo(expectedRows[i].yoyGrowth as number, 10);
          });
        }
      }
    }
  });

  it('counts a declaration in each of its categories, so category shares add up to more than 1', async () => {
    const result = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'category' });
    const shares = result.rows.reduce((sum, r) => sum + r.share, 0);
    expect(shares).toBeGreaterThan(1);
    const me = result.rows.find((r) => r.key === 'MECHANICAL_ELECTRICAL');
    const hiTech = result.rows.find((r) => r.key === 'HIGH_TECH');
    expect(me && hiTech).toBeTruthy();
    // 8471 computers and 8542 chips are both; the total still counts each declaration once.
    const total = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'period' });
    expect(result.totalValueUsd).toBe(total.totalValueUsd);
    expect(result.totalDeclarations).toBe(total.totalDeclarations);
  });

  it('gives yoyGrowth null where the same months a year earlier are zero', async () => {
    const result = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'partnerCountry' });
    const bhutan = result.rows.find((r) => r.key === 'BT');
    expect(bhutan).toMatchObject({ declarations: 15, yoyGrowth: null });
    const byPeriod = await summary(service, { from: '2025-01', to: '2025-06', groupBy: 'period' });
    expect(byPeriod.rows.every((r) => r.yoyGrowth === null)).toBe(true);
  });

  it('orders rows by value, periods by month, and labels what has a name', async () => {
    const byCountry = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'partnerCountry' });
    const values = byCountry.rows.map((r) => Number(r.valueUsd));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(byCountry.rows.find((r) => r.key === 'KZ')).toMatchObject({ label: 'Kazakhstan' });
    const byPeriod = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'period' });
    expect(byPeriod.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    // Without groupBy: month by month, the same answer.
    const ungrouped = await summary(service, { from: '2026-01', to: '2026-06' });
    expect(ungrouped).toEqual(byPeriod);
    const byEnterprise = await summary(service, { from: '2026-01', to: '2026-06', groupBy: 'enterprise', limit: '3' });
    expect(byEnterprise.rows).toHaveLength(3);
    for (const row of byEnterprise.rows) expect(row).toHaveProperty('uscc');
  });

  it('keeps every roll-up equal to the declarations re-aggregated from scratch, after registry changes moved enterprises', async () => {
    // A zone change and a designation for a past year, after the declarations were counted.
    const moved = { ...enterprises[3], zoneCode: 'BOLE-BECZ', designations: [{ cycle: 2025, tier: 'POTENTIAL' as const }], version: 2 };
    await upstream.enterprise(moved);
    await expectEventually(
      async () => {
        const byZone = await summary(service, { from: '2025-01', to: '2026-12', groupBy: 'zone' });
        expect(byZone.rows.find((r) => r.key === 'BOLE-BECZ')?.declarations).toBe(rows.filter((d) => d.uscc === moved.uscc).length);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const tier2025 = await summary(service, { from: '2025-01', to: '2025-12', groupBy: 'tier', tier: 'POTENTIAL' });
    expect(tier2025.totalDeclarations).toBe(rows.filter((d) => d.uscc === moved.uscc && d.period < '2026').length);
    const differences = await rollupDifferences(service.databaseUrl);
    expect(Object.values(differences).every((n) => n === 0) ? 'consistent' : differences).toBe('consistent');
    enterprises[3] = moved;
  });

  it('refuses bad queries with 400 and the field, and callers without the role', async () => {
    const bad: Array<Record<string, string>> = [
      { from: '2026-13', to: '2026-06', groupBy: 'category' },
      { from: '2026-01', to: '2026-06', groupBy: 'colour' },
      { from: '2026-06', to: '2026-01', groupBy: 'period' },
      { from: '2026-01', to: '2026-06', groupBy: 'tier', tier: 'GOLD' },
      { from: '2026-01', to: '2026-06', groupBy: 'tier', partnerCountry: 'XX' },
      { from: '2026-01', to: '2026-06', groupBy: 'tier', enterpriseId: 'nope' },
      { from: '2026-01', to: '2026-06', groupBy: 'tier', extra: '1' },
    ];
    for (const query of bad) {
      const response = await http(service.baseUrl, 'GET', `/api/v1/stats/summary?${new URLSearchParams(query).toString()}`, { token: analyst });
      expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    const path = '/api/v1/stats/summary?from=2026-01&to=2026-02&groupBy=tier';
    expect((await http(service.baseUrl, 'GET', path)).status).toBe(401);
    const enterpriseUser = tokenFor({ roles: ['enterprise'], enterpriseId: enterprises[0].id });
    expect((await http(service.baseUrl, 'GET', path, { token: enterpriseUser })).status).toBe(403);
    expect((await http(service.baseUrl, 'GET', path, { token: officer })).status).toBe(200);
  });
});
