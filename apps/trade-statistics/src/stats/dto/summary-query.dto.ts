import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateBy } from 'class-validator';
import {
  COMMODITY_CATEGORIES,
  IsCountryCode,
  IsPeriod,
  isZoneCode,
  TIERS,
  TRADE_FLOWS,
  type CommodityCategory,
  type Tier,
  type TradeFlow,
} from '@westgate/domain';
import { NO_ZONE } from '../../rollups/dimensions.rules';
import { DEFAULT_SUMMARY_GROUP, SUMMARY_GROUPS, type SummaryGroup } from '../summary.rules';

/** A zone of the catalogue, or NONE for enterprises without one (and those not in the registry). */
export function IsZoneOrNone(): PropertyDecorator {
  return ValidateBy({
    name: 'isZoneOrNone',
    validator: {
      validate: (value: unknown) => value === NO_ZONE || isZoneCode(value),
      defaultMessage: () => '$property must be the code of a zone in the zones catalogue (e.g. "YINING-BECZ"), or NONE',
    },
  });
}

/** `GET /stats/summary` (API.md): months inclusive, an optional flow, one grouping, optional filters. */
export class SummaryQueryDto {
  @ApiProperty({ example: '2026-01', description: 'First month, inclusive' })
  @IsPeriod()
  from!: string;

  @ApiProperty({ example: '2026-06', description: 'Last month, inclusive' })
  @IsPeriod()
  to!: string;

  @ApiPropertyOptional({ enum: TRADE_FLOWS, description: 'Both flows when left out' })
  @IsOptional()
  @IsIn(TRADE_FLOWS)
  flow?: TradeFlow;

  @ApiPropertyOptional({ enum: SUMMARY_GROUPS, default: DEFAULT_SUMMARY_GROUP, description: `By month (${DEFAULT_SUMMARY_GROUP}) when left out` })
  @IsOptional()
  @IsIn(SUMMARY_GROUPS)
  groupBy?: SummaryGroup;

  @ApiPropertyOptional({ enum: COMMODITY_CATEGORIES })
  @IsOptional()
  @IsIn(COMMODITY_CATEGORIES)
  category?: CommodityCategory;

  @ApiPropertyOptional({ example: 'KZ' })
  @IsOptional()
  @IsCountryCode()
  partnerCountry?: string;

  @ApiPropertyOptional({ example: 'KHORGOS-ICBC', description: 'A zone code, or NONE' })
  @IsOptional()
  @IsZoneOrNone()
  zone?: string;

  @ApiPropertyOptional({ enum: TIERS, description: "The tier held in each declaration's year" })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: 'At most this many rows (the largest first); all by default', minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}
