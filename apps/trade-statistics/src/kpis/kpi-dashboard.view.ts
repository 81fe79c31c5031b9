import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENCOURAGED_EXPORT_CATEGORIES, STEADY_IMPORT_CATEGORIES, TIERS } from '@westgate/domain';
import { ApiMoney, ApiPeriod, ApiRatio } from '../openapi.properties';

/** The months a cycle's figures cover, and the same months a year earlier. */
export class KpiMonthsView {
  @ApiPeriod('first month of the cycle (January)')
  from!: string;

  @ApiPeriod('last month: December, or the last month with data while the year runs')
  to!: string;

  @ApiPeriod('first month of the comparison a year earlier')
  previousYearFrom!: string;

  @ApiPeriod('last month of the comparison a year earlier')
  previousYearTo!: string;
}

/** A value over the cycle's months against the same months a year earlier. */
export class KpiFigureView {
  @ApiMoney("value over the cycle's months")
  valueUsd!: string;

  @ApiMoney('value over the same months a year earlier')
  previousYearUsd!: string;

  @ApiRatio('value against a year earlier minus 1 (0.5 = +50 %); null where that is zero', { nullable: true, example: 0.5 })
  yoyGrowth!: number | null;
}

/** Exports of the enterprises of one tier as designated for the cycle (REST: all others). */
export class KpiTierFigureView extends KpiFigureView {
  @ApiRatio("the cohort's fraction of all exports, 0–1")
  shareOfExports!: number;

  @ApiProperty({ description: "enterprises of the cohort with exports in the cycle's months" })
  exporters!: number;

  @ApiPropertyOptional({ description: 'enterprises designated in the tier for the cycle (BACKBONE and POTENTIAL only)' })
  designated?: number;
}

export class KpiDesignatedEnterprisesView {
  @ApiProperty({ type: () => KpiTierFigureView })
  BACKBONE!: KpiTierFigureView;

  @ApiProperty({ type: () => KpiTierFigureView })
  POTENTIAL!: KpiTierFigureView;

  @ApiProperty({ type: () => KpiTierFigureView, description: "every other exporter (tier NONE); no `designated`" })
  REST!: KpiTierFigureView;
}

/** Exports of one encouraged category. */
export class KpiCategoryExportsView extends KpiFigureView {
  @ApiProperty({ enum: ENCOURAGED_EXPORT_CATEGORIES })
  category!: string;

  @ApiRatio("the category's fraction of all exports, 0–1")
  shareOfExports!: number;
}

/** One month of a bulk import against the same month a year earlier. */
export class KpiMonthFigureView extends KpiFigureView {
  @ApiPeriod('the month')
  period!: string;
}

/** Imports of one bulk category (crude oil, iron ore, energy), by month. */
export class KpiBulkImportsView extends KpiFigureView {
  @ApiProperty({ enum: STEADY_IMPORT_CATEGORIES })
  category!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.12,
    description: 'coefficient of variation of the monthly values (0 = perfectly steady); null for fewer than two months or none imported',
  })
  volatility!: number | null;

  @ApiProperty({ type: [KpiMonthFigureView], description: "every month of the cycle's window, in order" })
  months!: KpiMonthFigureView[];
}

/** Trade with a group of partner countries over the cycle's months. */
export class KpiPartnerGroupView {
  @ApiMoney('trade (exports and imports) with the group')
  valueUsd!: string;

  @ApiRatio("the group's fraction of all trade, 0–1")
  share!: number;

  @ApiRatio("the same fraction over the year-earlier months")
  previousYearShare!: number;

  @ApiRatio("the group's fraction of all exports")
  exportsShare!: number;

  @ApiRatio("the group's fraction of all imports")
  importsShare!: number;
}

export class KpiPartnerSharesView {
  @ApiMoney("all trade over the cycle's months")
  totalTradeUsd!: string;

  @ApiProperty({ type: () => KpiPartnerGroupView, description: 'countries bordering the region' })
  bordering!: KpiPartnerGroupView;

  @ApiProperty({ type: () => KpiPartnerGroupView, description: 'Central Asian countries' })
  centralAsia!: KpiPartnerGroupView;

  @ApiProperty({ type: () => KpiPartnerGroupView, description: 'either (each country once)' })
  borderingOrCentralAsia!: KpiPartnerGroupView;
}

/** Herfindahl–Hirschman index of partner countries: from 1/n (n equal partners) to 1 (a single partner); null without trade. */
export class KpiPartnerConcentrationView {
  @ApiRatio('HHI of exports by partner country', { nullable: true })
  exports!: number | null;

  @ApiRatio('HHI of imports by partner country', { nullable: true })
  imports!: number | null;

  @ApiRatio('HHI of all trade by partner country', { nullable: true })
  trade!: number | null;
}

/** One of the ten enterprises with the most trade in the cycle's months. */
export class KpiTopEnterpriseView {
  @ApiProperty({ example: 1, description: '1 to 10' })
  rank!: number;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for an enterprise not in the registry' })
  enterpriseId!: string | null;

  @ApiProperty({ description: 'unified social credit code' })
  uscc!: string;

  @ApiProperty({ nullable: true, type: String, description: 'null for an enterprise not in the registry' })
  name!: string | null;

  @ApiProperty({ enum: TIERS, description: 'tier as designated for the cycle' })
  tier!: string;

  @ApiMoney('exports')
  exportsUsd!: string;

  @ApiMoney('imports')
  importsUsd!: string;

  @ApiMoney('exports and imports')
  tradeUsd!: string;
}

/** `GET /stats/kpis?cycle=`: the programme dashboard of a cycle. */
export class KpiDashboardView {
  @ApiProperty({ example: 2026, description: 'the year' })
  cycle!: number;

  @ApiProperty({ type: () => KpiMonthsView })
  months!: KpiMonthsView;

  @ApiProperty({ type: () => KpiFigureView, description: 'all exports' })
  exports!: KpiFigureView;

  @ApiProperty({ type: () => KpiFigureView, description: 'all imports' })
  imports!: KpiFigureView;

  @ApiProperty({ type: () => KpiDesignatedEnterprisesView, description: "each tier's cohort as designated for the cycle, against the same enterprises' exports a year earlier" })
  designatedEnterprises!: KpiDesignatedEnterprisesView;

  @ApiProperty({ type: [KpiCategoryExportsView], description: 'exports of each encouraged category' })
  encouragedExports!: KpiCategoryExportsView[];

  @ApiProperty({ type: [KpiBulkImportsView], description: 'bulk imports by category, with their months and volatility' })
  bulkImports!: KpiBulkImportsView[];

  @ApiProperty({ type: () => KpiPartnerSharesView })
  partnerShares!: KpiPartnerSharesView;

  @ApiProperty({ type: () => KpiPartnerConcentrationView })
  partnerConcentration!: KpiPartnerConcentrationView;

  @ApiProperty({ type: [KpiTopEnterpriseView], description: 'the ten enterprises with the most trade, most first' })
  topEnterprises!: KpiTopEnterpriseView[];

  @ApiProperty({ description: "enterprises whose first export on record is in the cycle's months" })
  newExporters!: number;
}
