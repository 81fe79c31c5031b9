import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { validationProblem } from '@westgate/platform';
import { COUNTRY_NAMES, findHsChapter, findZone, TRADE_FLOWS, type CountryCode } from '@westgate/domain';
import { DataSource } from 'typeorm';
import { ApiMoney, ApiRatio } from '../openapi.properties';
import { categoryBit, centsOf, flowCode, NO_TIER, NO_ZONE, periodKey, previousYearKey, usd } from '../rollups/dimensions.rules';
import type { CubeColumn } from '../rollups/rollup-cubes';
import type { SummaryQueryDto } from './dto/summary-query.dto';
import {
  chooseCube,
  groupColumn,
  pairPeriodsWithYearBefore,
  DEFAULT_SUMMARY_GROUP,
  SUMMARY_GROUPS,
  summaryFigures,
  type StoredGroup,
  type SummaryFilter,
} from './summary.rules';

/** One group of a summary. */
export class SummaryRowView {
  @ApiProperty({
    example: 'KZ',
    description:
      "the group: a category, partner country (ISO alpha-2), region, HS chapter, zone code, tier (NONE outside the registry's designations), month (YYYY-MM) or enterprise id (the USCC for enterprises not in the registry)",
  })
  key!: string;

  @ApiPropertyOptional({ example: 'Kazakhstan', description: "the key's name, where it has one (country, HS chapter, zone, enterprise)" })
  label?: string;

  @ApiPropertyOptional({ description: "the enterprise's USCC (groupBy=enterprise only)" })
  uscc?: string;

  @ApiMoney('trade value of the group over the months')
  valueUsd!: string;

  @ApiProperty({ description: 'declarations counted in the group' })
  declarations!: number;

  @ApiRatio("the group's fraction of the selection's total, 0–1 (category shares may add up to more than 1)")
  share!: number;

  @ApiRatio('value against the same months a year earlier minus 1 (0.5 = +50 %); null where that is zero', { nullable: true, example: 0.5 })
  yoyGrowth!: number | null;
}

/** `GET /stats/summary`. */
export class SummaryView {
  @ApiProperty({ example: '2026-01', description: 'first month, inclusive' })
  from!: string;

  @ApiProperty({ example: '2026-06', description: 'last month, inclusive' })
  to!: string;

  @ApiProperty({ enum: TRADE_FLOWS, nullable: true, type: String, description: 'null: both flows' })
  flow!: string | null;

  @ApiProperty({ enum: SUMMARY_GROUPS })
  groupBy!: string;

  @ApiProperty({ type: [SummaryRowView], description: 'largest value first (months in order for groupBy=period)' })
  rows!: SummaryRowView[];

  @ApiMoney('trade value of the whole selection')
  totalValueUsd!: string;

  @ApiProperty({ description: 'declarations in the whole selection' })
  totalDeclarations!: number;
}

interface SqlGroup {
  key: string | number;
  value: string | null;
  n: string | null;
  base: string | null;
}

/**
 * `GET /stats/summary`: one aggregate query on the smallest roll-up that has every dimension
 * asked for (summary.rules.ts `chooseCube`), over the requested months and the same months a year
 * earlier at once; categories, regions, shares and growth are worked out from its few rows.
 */
@Injectable()
export class GetSummaryUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(asked: SummaryQueryDto): Promise<SummaryView> {
    const query = { ...asked, groupBy: asked.groupBy ?? DEFAULT_SUMMARY_GROUP };
    const from = periodKey(query.from);
    const to = periodKey(query.to);
    if (from > to) throw validationProblem([{ field: 'to', message: 'to must be the same month as from or later' }]);
    const empty: SummaryView = {
      from: query.from,
      to: query.to,
      flow: query.flow ?? null,
      groupBy: query.groupBy,
      rows: [],
      totalValueUsd: '0.00',
      totalDeclarations: 0,
    };

    let uscc: string | undefined;
    if (query.enterpriseId) {
      const [enterprise] = (await this.dataSource.query('SELECT uscc FROM enterprise_projection WHERE enterprise_id = $1', [
        query.enterpriseId,
      ])) as Array<{ uscc: string }>;
      if (!enterprise) return empty;
      uscc = enterprise.uscc;
    }

    const filters: SummaryFilter[] = [];
    if (query.category) filters.push('category');
    if (query.partnerCountry) filters.push('partnerCountry');
    if (query.zone) filters.push('zone');
    if (query.tier) filters.push('tier');
    if (uscc) filters.push('enterpriseId');
    const cube = chooseCube(query.groupBy, filters);
    const perEnterprise = cube.keys.includes('uscc');
    const joins = new Set<string>();
    const column = (name: CubeColumn): string => {
      if (perEnterprise && name === 'tier') {
        joins.add('LEFT JOIN enterprise_tier t ON t.uscc = c.uscc AND t.cycle = c.period / 100');
        return `coalesce(t.tier, '${NO_TIER}')`;
      }
      if (perEnterprise && name === 'zone') {
        joins.add('LEFT JOIN enterprise_projection p ON p.uscc = c.uscc');
        return `coalesce(p.zone_code, '${NO_ZONE}')`;
      }
      return `c.${name}`;
    };

    const baseFrom = previousYearKey(from);
    const baseTo = previousYearKey(to);
    const params: unknown[] = [baseFrom, to];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['c.period BETWEEN $1 AND $2'];
    if (query.flow) where.push(`c.flow = ${param(flowCode(query.flow))}`);
    if (query.category) where.push(`(c.category_mask & ${param(categoryBit(query.category))}) <> 0`);
    if (query.partnerCountry) where.push(`c.partner_country = ${param(query.partnerCountry)}`);
    if (query.zone) where.push(`${column('zone')} = ${param(query.zone)}`);
    if (query.tier) where.push(`${column('tier')} = ${param(query.tier)}`);
    if (uscc) where.push(`c.uscc = ${param(uscc)}`);
    const key = column(groupColumn(query.groupBy));

    let stored: StoredGroup[];
    if (query.groupBy === 'period') {
      const rows = (await this.dataSource.query(
        `SELECT c.period AS key, sum(c.value_usd) AS value, sum(c.declarations) AS n
         FROM ${cube.table} c ${[...joins].join(' ')} WHERE ${where.join(' AND ')} GROUP BY 1`,
        params,
      )) as SqlGroup[];
      const monthly = new Map(rows.map((r) => [Number(r.key), { valueCents: centsOf(r.value), declarations: Number(r.n ?? 0) }]));
      stored = pairPeriodsWithYearBefore(monthly, from, to);
    } else {
      const current = param(from);
      const base = param(baseTo);
      const rows = (await this.dataSource.query(
        `SELECT ${key} AS key,
                sum(c.value_usd) FILTER (WHERE c.period >= ${current}) AS value,
                sum(c.declarations) FILTER (WHERE c.period >= ${current}) AS n,
                sum(c.value_usd) FILTER (WHERE c.period <= ${base}) AS base
         FROM ${cube.table} c ${[...joins].join(' ')} WHERE ${where.join(' AND ')} GROUP BY 1`,
        params,
      )) as SqlGroup[];
      stored = rows.map((r) => ({ key: r.key, valueCents: centsOf(r.value), declarations: Number(r.n ?? 0), baseCents: centsOf(r.base) }));
    }

    const enterprises = query.groupBy === 'enterprise' ? await this.enterprisesOf(stored.map((g) => String(g.key))) : new Map<string, EnterpriseName>();
    const figures = summaryFigures(query.groupBy, stored, (k) => enterprises.get(String(k))?.enterpriseId ?? String(k));
    const byKey = new Map([...enterprises.values()].map((e) => [e.enterpriseId, e]));
    const rows = figures.rows.slice(0, query.limit ?? figures.rows.length).map((row) => {
      const view: SummaryRowView = {
        key: row.key,
        valueUsd: usd(row.valueCents),
        declarations: row.declarations,
        share: row.share,
        yoyGrowth: row.yoyGrowth,
      };
      if (query.groupBy === 'enterprise') {
        const enterprise = byKey.get(row.key);
        view.uscc = enterprise?.uscc ?? row.key;
        if (enterprise) view.label = enterprise.name;
      } else {
        const label = labelOf(query.groupBy, row.key);
        if (label) view.label = label;
      }
      return view;
    });
    return { ...empty, rows, totalValueUsd: usd(figures.totalCents), totalDeclarations: figures.totalDeclarations };
  }

  private async enterprisesOf(usccs: string[]): Promise<Map<string, EnterpriseName>> {
    if (usccs.length === 0) return new Map();
    const rows = (await this.dataSource.query('SELECT enterprise_id, uscc, name FROM enterprise_projection WHERE uscc = ANY($1)', [usccs])) as Array<{
      enterprise_id: string;
      uscc: string;
      name: string;
    }>;
    return new Map(rows.map((r) => [r.uscc, { enterpriseId: r.enterprise_id, uscc: r.uscc, name: r.name }]));
  }
}

interface EnterpriseName {
  enterpriseId: string;
  uscc: string;
  name: string;
}

function labelOf(group: string, key: string): string | undefined {
  if (group === 'partnerCountry') return (COUNTRY_NAMES as Record<string, string>)[key as CountryCode];
  if (group === 'hsChapter') return findHsChapter(key)?.title;
  if (group === 'zone') return findZone(key)?.name;
  return undefined;
}
