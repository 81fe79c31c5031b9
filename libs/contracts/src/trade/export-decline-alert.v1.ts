import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DESIGNATED_TIERS, IsMoney, IsPeriod, type DesignatedTier } from '@westgate/domain';

/**
 * A designated enterprise whose exports in a closed month fell more than the threshold (20 %)
 * against the same month a year earlier. Values in USD decimal strings.
 */
export class ExportDeclineAlertV1 {
  @IsUUID()
  enterpriseId!: string;

  @IsString()
  @MaxLength(18)
  uscc!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  enterpriseName?: string | null;

  @IsIn(DESIGNATED_TIERS)
  tier!: DesignatedTier;

  @IsInt()
  @Min(2000)
  @Max(2100)
  cycle!: number;

  @IsPeriod()
  period!: string;

  @IsMoney({ allowZero: true })
  exportsUsd!: string;

  @IsMoney()
  previousYearExportsUsd!: string;

  /** (exports − previous) / previous, as a decimal string, e.g. "-0.3500". */
  @Matches(/^-?\d+(\.\d+)?$/)
  changeRatio!: string;
}
