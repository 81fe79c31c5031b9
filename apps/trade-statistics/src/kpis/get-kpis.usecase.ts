import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ENCOURAGED_EXPORT_CATEGORIES,
  isBordering,
  isCentralAsian,
  periodsBetween,
  STEADY_IMPORT_CATEGORIES,
  type CommodityCategory,
  type Period,
} from '@westgate/domain';
import { DataSource } from 'typeorm';
import { categoriesOfMask, centsOf, FLOW_CODES, NO_TIER, periodKey, periodOfKey, usd } from '../rollups/dimensions.rules';
import { share, yoyGrowth } from '../stats/summary.rules';
import type {
  KpiBulkImportsView,
  KpiDashboardView,
  KpiFigureView,
  KpiPartnerConcentrationView,
  KpiPartnerSharesView,
  KpiTierFigureView,
  KpiTopEnterpriseView,
} from './kpi-dashboard.view';
import { coefficientOfVariation, cycleWindow, herfindahlHirschman, type CycleWindow } from './kpi.rules';

interface Sums {
  cents: bigint;
  previousCents: bigint;
}

function figure(sums: Sums): KpiFigureView {
  return { valueUsd: usd(sums.cents), previousYearUsd: usd(sums.previousCents), yoyGrowth: yoyGrowth(sums.cents, sums.previousCents) };
}

const EXPORT = FLOW_CODES.EXPORT;
const IMPORT = FLOW_CODES.IMPORT;

/**
 * `GET /stats/kpis?cycle=`: the programme's dashboard for one cycle (year), every figure from the
 * roll-ups, over the cycle's months (up to the last month with data while the year runs) against
 * the same months of the year before.
 */
@Injectable()
export class GetKpisUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(cycle: number): Promise<KpiDashboardView> {
    const [{ latest }] = (await this.dataSource.query('SELECT max(period) AS latest FROM rollup_org')) as Array<{ latest: number | null }>;
    const window = cycleWindow(cycle, latest === null ? undefined : periodOfKey(Number(latest)));
    const range = [periodKey(window.previousFrom), periodKey(window.to), periodKey(window.from), periodKey(window.previousTo)];

    const [totals, tiers, designated, categories, bulk, partners, top, newExporters] = await Promise.all([
      this.totals(range),
      this.tiers(range, cycle),
      this.designatedCounts(cycle),
      this.categories(range),
      this.bulkImports(range),
      this.partners(range),
      this.topEnterprises(range, cycle),
      this.newExporters(range),
    ]);

    const exportsTotal = totals.get(EXPORT) ?? { cents: 0n, previousCents: 0n };
    const importsTotal = totals.get(IMPORT) ?? { cents: 0n, previousCents: 0n };
    const tierFigure = (tier: string): KpiTierFigureView => {
      const sums = tiers.get(tier) ?? { cents: 0n, previousCents: 0n, exporters: 0 };
      return {
        ...figure(sums),
        shareOfExports: share(sums.cents, exportsTotal.cents),
        exporters: sums.exporters,
        ...(tier === NO_TIER ? {} : { designated: designated.get(tier) ?? 0 }),
      };
    };

    return {
      cycle,
      months: { from: window.from, to: window.to, previousYearFrom: window.previousFrom, previousYearTo: window.previousTo },
      exports: figure(exportsTotal),
      imports: figure(importsTotal),
      // Each tier's cohort as designated for this cycle, compared with the same enterprises' exports a year earlier.
      designatedEnterprises: { BACKBONE: tierFigure('BACKBONE'), POTENTIAL: tierFigure('POTENTIAL'), REST: tierFigure(NO_TIER) },
      encouragedExports: ENCOURAGED_EXPORT_CATEGORIES.map((category) => {
        const sums = categories.get(category) ?? { cents: 0n, previousCents: 0n };
        return { category, ...figure(sums), shareOfExports: share(sums.cents, exportsTotal.cents) };
      }),
      bulkImports: STEADY_IMPORT_CATEGORIES.map((category) => this.bulkSeries(category, bulk, window)),
      partnerShares: partners.shares,
      partnerConcentration: partners.concentration,
      topEnterprises: top,
      newExporters,
    };
  }

  private async totals(range: number[]): Promise<Map<number, Sums>> {
    const rows = (await this.dataSource.query(
      `SELECT flow, sum(value_usd) FILTER (WHERE period >= $3) AS cur, sum(value_usd) FILTER (WHERE period <= $4) AS prev
       FROM rollup_org WHERE period BETWEEN $1 AND $2 GROUP BY flow`,
      range,
    )) as Array<{ flow: number; cur: string | null; prev: string | null }>;
    return new Map(rows.map((r) => [Number(r.flow), { cents: centsOf(r.cur), previousCents: centsOf(r.prev) }]));
  }

  /** The cohorts of this cycle's designations (enterprise_tier), both years' exports. */
  private async tiers(range: number[], cycle: number): Promise<Map<string, Sums & { exporters: number }>> {
    const rows = (await this.dataSource.query(
      `SELECT coalesce(t.tier, '${NO_TIER}') AS tier,
              sum(c.value_usd) FILTER (WHERE c.period >= $3) AS cur, sum(c.value_usd) FILTER (WHERE c.period <= $4) AS prev,
              count(DISTINCT c.uscc) FILTER (WHERE c.period >= $3) AS exporters
       FROM rollup_enterprise_month c LEFT JOIN enterprise_tier t ON t.uscc = c.uscc AND t.cycle = $5
       WHERE c.flow = ${EXPORT} AND c.period BETWEEN $1 AND $2 GROUP BY 1`,
      [...range, cycle],
    )) as Array<{ tier: string; cur: string | null; prev: string | null; exporters: string }>;
    return new Map(rows.map((r) => [r.tier, { cents: centsOf(r.cur), previousCents: centsOf(r.prev), exporters: Number(r.exporters) }]));
  }

  private async designatedCounts(cycle: number): Promise<Map<string, number>> {
    const rows = (await this.dataSource.query('SELECT tier, count(*) AS n FROM enterprise_tier WHERE cycle = $1 GROUP BY tier', [cycle])) as Array<{
      tier: string;
      n: string;
    }>;
    return new Map(rows.map((r) => [r.tier, Number(r.n)]));
  }

  private async categories(range: number[]): Promise<Map<CommodityCategory, Sums>> {
    const rows = (await this.dataSource.query(
      `SELECT category_mask, sum(value_usd) FILTER (WHERE period >= $3) AS cur, sum(value_usd) FILTER (WHERE period <= $4) AS prev
       FROM rollup_commodity WHERE flow = ${EXPORT} AND period BETWEEN $1 AND $2 GROUP BY 1`,
      range,
    )) as Array<{ category_mask: number; cur: string | null; prev: string | null }>;
    const sums = new Map<CommodityCategory, Sums>();
    for (const row of rows) {
      for (const category of categoriesOfMask(Number(row.category_mask))) {
        const current = sums.get(category) ?? { cents: 0n, previousCents: 0n };
        current.cents += centsOf(row.cur);
        current.previousCents += centsOf(row.prev);
        sums.set(category, current);
      }
    }
    return sums;
  }

  /** Monthly imports per category mask, both years. */
  private async bulkImports(range: number[]): Promise<Array<{ period: number; mask: number; cents: bigint }>> {
    const rows = (await this.dataSource.query(
      `SELECT period, category_mask, sum(value_usd) AS value FROM rollup_commodity
       WHERE flow = ${IMPORT} AND period BETWEEN $1 AND $2 GROUP BY 1, 2`,
      range.slice(0, 2),
    )) as Array<{ period: number; category_mask: number; value: string }>;
    return rows.map((r) => ({ period: Number(r.period), mask: Number(r.category_mask), cents: centsOf(r.value) }));
  }

  private bulkSeries(category: CommodityCategory, rows: Array<{ period: number; mask: number; cents: bigint }>, window: CycleWindow): KpiBulkImportsView {
    const byPeriod = new Map<number, bigint>();
    for (const row of rows) {
      if (categoriesOfMask(row.mask).includes(category)) byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0n) + row.cents);
    }
    const months = periodsBetween(window.from, window.to).map((period: Period) => {
      const key = periodKey(period);
      const cents = byPeriod.get(key) ?? 0n;
      const previousCents = byPeriod.get(key - 100) ?? 0n;
      return { period, valueUsd: usd(cents), previousYearUsd: usd(previousCents), yoyGrowth: yoyGrowth(cents, previousCents), cents };
    });
    const total = months.reduce((sum, m) => sum + m.cents, 0n);
    const previousTotal = periodsBetween(window.previousFrom, window.previousTo).reduce((sum, p) => sum + (byPeriod.get(periodKey(p)) ?? 0n), 0n);
    return {
      category,
      ...figure({ cents: total, previousCents: previousTotal }),
      // How steady the monthly imports were: standard deviation / mean of the months (0 = perfectly steady).
      volatility: coefficientOfVariation(months.map((m) => Number(m.cents))),
      months: months.map(({ cents: _cents, ...month }) => month),
    };
  }

  private async partners(range: number[]): Promise<{ shares: KpiPartnerSharesView; concentration: KpiPartnerConcentrationView }> {
    const rows = (await this.dataSource.query(
      `SELECT partner_country, flow, sum(value_usd) FILTER (WHERE period >= $3) AS cur, sum(value_usd) FILTER (WHERE period <= $4) AS prev
       FROM rollup_partner WHERE period BETWEEN $1 AND $2 GROUP BY 1, 2`,
      range,
    )) as Array<{ partner_country: string; flow: number; cur: string | null; prev: string | null }>;
    const trade = (predicate: (country: string) => boolean, flow?: number) =>
      rows
        .filter((r) => predicate(r.partner_country) && (flow === undefined || Number(r.flow) === flow))
        .reduce((sums, r) => ({ cents: sums.cents + centsOf(r.cur), previousCents: sums.previousCents + centsOf(r.prev) }), {
          cents: 0n,
          previousCents: 0n,
        });
    const all = trade(() => true);
    const group = (predicate: (country: string) => boolean) => {
      const sums = trade(predicate);
      return {
        valueUsd: usd(sums.cents),
        share: share(sums.cents, all.cents),
        previousYearShare: share(sums.previousCents, all.previousCents),
        exportsShare: share(trade(predicate, EXPORT).cents, trade(() => true, EXPORT).cents),
        importsShare: share(trade(predicate, IMPORT).cents, trade(() => true, IMPORT).cents),
      };
    };
    const byCountry = (flow?: number) => {
      const values = new Map<string, bigint>();
      for (const r of rows) if (flow === undefined || Number(r.flow) === flow) values.set(r.partner_country, (values.get(r.partner_country) ?? 0n) + centsOf(r.cur));
      return herfindahlHirschman([...values.values()]);
    };
    return {
      shares: {
        totalTradeUsd: usd(all.cents),
        bordering: group(isBordering),
        centralAsia: group(isCentralAsian),
        // Each country once, though Kazakhstan, Kyrgyzstan and Tajikistan are both.
        borderingOrCentralAsia: group((country) => isBordering(country) || isCentralAsian(country)),
      },
      concentration: { exports: byCountry(EXPORT), imports: byCountry(IMPORT), trade: byCountry() },
    };
  }

  private async topEnterprises(range: number[], cycle: number): Promise<KpiTopEnterpriseView[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.uscc, e.enterprise_id, e.name, coalesce(t.tier, '${NO_TIER}') AS tier,
              sum(c.value_usd) FILTER (WHERE c.flow = ${EXPORT}) AS exports, sum(c.value_usd) FILTER (WHERE c.flow = ${IMPORT}) AS imports,
              sum(c.value_usd) AS trade
       FROM rollup_enterprise_month c
       LEFT JOIN enterprise_projection e ON e.uscc = c.uscc
       LEFT JOIN enterprise_tier t ON t.uscc = c.uscc AND t.cycle = $3
       WHERE c.period BETWEEN $1 AND $2
       GROUP BY c.uscc, e.enterprise_id, e.name, t.tier
       ORDER BY trade DESC, c.uscc LIMIT 10`,
      [range[2], range[1], cycle],
    )) as Array<{ uscc: string; enterprise_id: string | null; name: string | null; tier: string; exports: string | null; imports: string | null; trade: string }>;
    return rows.map((r, i) => ({
      rank: i + 1,
      enterpriseId: r.enterprise_id,
      uscc: r.uscc,
      name: r.name,
      tier: r.tier,
      exportsUsd: usd(centsOf(r.exports)),
      importsUsd: usd(centsOf(r.imports)),
      tradeUsd: usd(centsOf(r.trade)),
    }));
  }

  /** Enterprises whose first export on record is in the cycle's months. */
  private async newExporters(range: number[]): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) AS n FROM (
         SELECT uscc, min(period) AS first FROM rollup_enterprise_month WHERE flow = ${EXPORT} AND period <= $2 GROUP BY uscc
       ) f WHERE f.first BETWEEN $1 AND $2`,
      [range[2], range[1]],
    )) as Array<{ n: string }>;
    return Number(row.n);
  }
}
