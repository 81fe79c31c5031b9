import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException, validationProblem } from '@westgate/platform';
import { periodOfDate, periodsBetween, type Period } from '@westgate/domain';
import { DataSource } from 'typeorm';
import { centsOf, periodKey, periodOfKey, usd } from '../rollups/dimensions.rules';
import type { EnterpriseSeriesQueryDto } from './dto/enterprise-series-query.dto';
import { growthSince, supportWindows, type MonthlyFlows } from './enterprise-series.rules';
import type { EnterpriseSeriesView, SupportView } from './enterprise-series.view';

export function enterpriseNotFound(id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'ENTERPRISE_NOT_FOUND', `No trade statistics for enterprise ${id.slice(0, 64)}`);
}

/**
 * `GET /stats/enterprises/{id}`: the enterprise's monthly exports and imports (every month of
 * the range, zeros included) from `rollup_enterprise_month`, and its growth since its first
 * approved support (grants' events).
 */
@Injectable()
export class GetEnterpriseSeriesUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(enterpriseId: string, query: EnterpriseSeriesQueryDto): Promise<EnterpriseSeriesView> {
    const [enterprise] = (await this.dataSource.query(
      `SELECT e.enterprise_id, e.uscc, e.name, e.zone_code, e.designations, s.first_approved_at, s.application_id, s.programme_code
       FROM enterprise_projection e LEFT JOIN enterprise_support s ON s.enterprise_id = e.enterprise_id
       WHERE e.enterprise_id = $1`,
      [enterpriseId],
    )) as Array<{
      enterprise_id: string;
      uscc: string;
      name: string;
      zone_code: string | null;
      designations: Array<{ cycle: number; tier: string }>;
      first_approved_at: Date | null;
      application_id: string | null;
      programme_code: string | null;
    }>;
    if (!enterprise) throw enterpriseNotFound(enterpriseId);

    const rows = (await this.dataSource.query(
      'SELECT period, flow, value_usd, declarations FROM rollup_enterprise_month WHERE uscc = $1 ORDER BY period',
      [enterprise.uscc],
    )) as Array<{ period: number; flow: number; value_usd: string; declarations: number }>;
    const monthly = new Map<Period, MonthlyFlows>();
    for (const row of rows) {
      const period = periodOfKey(Number(row.period));
      const month = monthly.get(period) ?? { exportsCents: 0n, importsCents: 0n, exportDeclarations: 0, importDeclarations: 0 };
      if (Number(row.flow) === 1) {
        month.exportsCents += centsOf(row.value_usd);
        month.exportDeclarations += Number(row.declarations);
      } else {
        month.importsCents += centsOf(row.value_usd);
        month.importDeclarations += Number(row.declarations);
      }
      monthly.set(period, month);
    }
    const first = rows.length > 0 ? periodOfKey(Number(rows[0].period)) : undefined;
    const last = rows.length > 0 ? periodOfKey(Number(rows[rows.length - 1].period)) : undefined;
    const from = query.from ?? first;
    const to = query.to ?? last;
    if (from && to && periodKey(from) > periodKey(to)) throw validationProblem([{ field: 'to', message: 'to must be the same month as from or later' }]);
    const zero: MonthlyFlows = { exportsCents: 0n, importsCents: 0n, exportDeclarations: 0, importDeclarations: 0 };
    const series = from && to ? periodsBetween(from, to).map((period) => ({ period, ...(monthly.get(period) ?? zero) })) : [];

    let support: SupportView | null = null;
    if (enterprise.first_approved_at) {
      const supportPeriod = periodOfDate(new Date(enterprise.first_approved_at));
      const [{ horizon }] = (await this.dataSource.query('SELECT max(period) AS horizon FROM rollup_org')) as Array<{ horizon: number | null }>;
      const windows = horizon === null ? undefined : supportWindows(supportPeriod, periodOfKey(Number(horizon)));
      const growth = windows ? growthSince(monthly, windows) : undefined;
      support = {
        firstApprovedAt: new Date(enterprise.first_approved_at).toISOString(),
        period: supportPeriod,
        applicationId: enterprise.application_id,
        programmeCode: enterprise.programme_code,
        monthsSince: windows?.months ?? 0,
        before: windows?.before ?? null,
        since: windows?.since ?? null,
        exports: growth
          ? { beforeUsd: usd(growth.exports.beforeCents), sinceUsd: usd(growth.exports.sinceCents), growth: growth.exports.growth }
          : null,
        imports: growth
          ? { beforeUsd: usd(growth.imports.beforeCents), sinceUsd: usd(growth.imports.sinceCents), growth: growth.imports.growth }
          : null,
      };
    }

    return {
      enterpriseId: enterprise.enterprise_id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      zoneCode: enterprise.zone_code,
      designations: enterprise.designations.map(({ cycle, tier }) => ({ cycle, tier })),
      from: from ?? null,
      to: to ?? null,
      series: series.map((m) => ({
        period: m.period,
        exportsUsd: usd(m.exportsCents),
        importsUsd: usd(m.importsCents),
        exportDeclarations: m.exportDeclarations,
        importDeclarations: m.importDeclarations,
      })),
      totals: {
        exportsUsd: usd(series.reduce((sum, m) => sum + m.exportsCents, 0n)),
        importsUsd: usd(series.reduce((sum, m) => sum + m.importsCents, 0n)),
      },
      support,
    };
  }
}
