import { addMonths, periodsBetween, type Period } from '@westgate/domain';
import { yoyGrowth } from './summary.rules';

export interface MonthlyFlows {
  exportsCents: bigint;
  importsCents: bigint;
  exportDeclarations: number;
  importDeclarations: number;
}

export interface SupportWindows {
  /** The months before support, as many as there are since. */
  before: { from: Period; to: Period };
  since: { from: Period; to: Period };
  months: number;
}

/**
 * "Growth since the first approved support": the months from the month of the first approval to
 * the latest month with data (`horizon`) against as many months immediately before it. Undefined
 * while there is no month since the approval yet.
 */
export function supportWindows(supportPeriod: Period, horizon: Period): SupportWindows | undefined {
  const since = periodsBetween(supportPeriod, horizon);
  if (since.length === 0) return undefined;
  return {
    before: { from: addMonths(supportPeriod, -since.length), to: addMonths(supportPeriod, -1) },
    since: { from: supportPeriod, to: horizon },
    months: since.length,
  };
}

export function sumOver(series: ReadonlyMap<Period, MonthlyFlows>, from: Period, to: Period): { exportsCents: bigint; importsCents: bigint } {
  let exportsCents = 0n;
  let importsCents = 0n;
  for (const period of periodsBetween(from, to)) {
    const month = series.get(period);
    if (month) {
      exportsCents += month.exportsCents;
      importsCents += month.importsCents;
    }
  }
  return { exportsCents, importsCents };
}

/** Growth of the since-window over the before-window; null where the before-window is zero. */
export function growthSince(series: ReadonlyMap<Period, MonthlyFlows>, windows: SupportWindows) {
  const before = sumOver(series, windows.before.from, windows.before.to);
  const since = sumOver(series, windows.since.from, windows.since.to);
  return {
    exports: { beforeCents: before.exportsCents, sinceCents: since.exportsCents, growth: yoyGrowth(since.exportsCents, before.exportsCents) },
    imports: { beforeCents: before.importsCents, sinceCents: since.importsCents, growth: yoyGrowth(since.importsCents, before.importsCents) },
  };
}
