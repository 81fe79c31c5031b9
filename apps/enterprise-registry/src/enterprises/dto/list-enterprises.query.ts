import { ApiPropertyOptional } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, ENTERPRISE_STATUSES, IsCleanText, IsCycle, IsRegion, IsZoneCode, TIERS, type CommodityCategory, type EnterpriseStatus, type Tier } from '@westgate/domain';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@westgate/platform';
import { regionToCode } from './register-enterprise.dto';
import { Transform } from 'class-transformer';

export class ListEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TIERS, description: 'tier in `cycle` (default: the current programme cycle)' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ description: 'the programme cycle `tier` refers to' })
  @IsOptional()
  @Type(() => Number)
  @IsCycle()
  cycle?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsZoneCode()
  zoneCode?: string;

  @ApiPropertyOptional({ enum: COMMODITY_CATEGORIES })
  @IsOptional()
  @IsIn(COMMODITY_CATEGORIES)
  sector?: CommodityCategory;

  @ApiPropertyOptional({ enum: ENTERPRISE_STATUSES })
  @IsOptional()
  @IsIn(ENTERPRISE_STATUSES)
  status?: EnterpriseStatus;

  @ApiPropertyOptional({ description: 'prefecture code or name' })
  @IsOptional()
  @Transform(regionToCode)
  @IsRegion()
  region?: string;

  @ApiPropertyOptional({ description: 'name (or local name) contains, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsCleanText()
  q?: string;
}
