import { ApiProperty } from '@nestjs/swagger';
import { DESIGNATED_TIERS } from '@westgate/domain';
import { ApiMoney, ApiPeriod, ApiRatio } from '../openapi.properties';

/** A designation of the enterprise (registry events). */
export class SeriesDesignationView {
  @ApiProperty({ example: 2026 })
  cycle!: number;

  @ApiProperty({ enum: DESIGNATED_TIERS })
  tier!: string;
}

/** One month of the enterprise's trade (zeros included). */
export class SeriesMonthView {
  @ApiPeriod('the month')
  period!: string;

  @ApiMoney('exports in the month')
  exportsUsd!: string;

  @ApiMoney('imports in the month')
  importsUsd!: string;

  @ApiProperty({ description: 'export declarations in the month' })
  exportDeclarations!: number;

  @ApiProperty({ description: 'import declarations in the month' })
  importDeclarations!: number;
}

export class SeriesTotalsView {
  @ApiMoney('exports over the series')
  exportsUsd!: string;

  @ApiMoney('imports over the series')
  importsUsd!: string;
}

/** A run of months, both inclusive. */
export class PeriodRangeView {
  @ApiPeriod('first month')
  from!: string;

  @ApiPeriod('last month')
  to!: string;
}

/** One flow before and since the first approved support. */
export class SupportGrowthView {
  @ApiMoney('value over the months before support')
  beforeUsd!: string;

  @ApiMoney('value over the months since support')
  sinceUsd!: string;

  @ApiRatio('since against before minus 1 (0.5 = +50 %); null where before is zero', { nullable: true, example: 0.5 })
  growth!: number | null;
}

/** Growth since the enterprise's first approved support. */
export class SupportView {
  @ApiProperty({ format: 'date-time', description: 'when the first support was approved' })
  firstApprovedAt!: string;

  @ApiPeriod('the month of that approval')
  period!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the approved application' })
  applicationId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'its support programme' })
  programmeCode!: string | null;

  @ApiProperty({ description: 'months from the approval to the latest month with data (0: none yet)' })
  monthsSince!: number;

  @ApiProperty({ type: () => PeriodRangeView, nullable: true, description: 'as many months just before the approval; null while monthsSince is 0' })
  before!: PeriodRangeView | null;

  @ApiProperty({ type: () => PeriodRangeView, nullable: true, description: 'the months since the approval; null while monthsSince is 0' })
  since!: PeriodRangeView | null;

  @ApiProperty({ type: () => SupportGrowthView, nullable: true, description: 'exports before and since; null while monthsSince is 0' })
  exports!: SupportGrowthView | null;

  @ApiProperty({ type: () => SupportGrowthView, nullable: true, description: 'imports before and since; null while monthsSince is 0' })
  imports!: SupportGrowthView | null;
}

/** `GET /stats/enterprises/{enterpriseId}`. */
export class EnterpriseSeriesView {
  @ApiProperty({ format: 'uuid' })
  enterpriseId!: string;

  @ApiProperty({ description: 'unified social credit code' })
  uscc!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ nullable: true, type: String, example: 'KHORGOS-ICBC', description: 'its zone, if any' })
  zoneCode!: string | null;

  @ApiProperty({ type: [SeriesDesignationView] })
  designations!: SeriesDesignationView[];

  @ApiPeriod('first month of the series (query `from`, else the first month with data); null without data', { nullable: true })
  from!: string | null;

  @ApiPeriod('last month of the series (query `to`, else the last month with data); null without data', { nullable: true })
  to!: string | null;

  @ApiProperty({ type: [SeriesMonthView], description: 'every month from `from` to `to`, in order' })
  series!: SeriesMonthView[];

  @ApiProperty({ type: () => SeriesTotalsView })
  totals!: SeriesTotalsView;

  @ApiProperty({ type: () => SupportView, nullable: true, description: 'null when the enterprise has no approved support' })
  support!: SupportView | null;
}
