import { ApiPropertyOptional } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, IsCleanText, IsContactEmail, IsRegion, IsZoneCode, TRADE_MODES, trimString, type CommodityCategory, type TradeMode } from '@westgate/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsFoundedOn } from './founded-on.validator';
import { regionToCode } from './register-enterprise.dto';

// Absent means "leave as is"; null clears an optional field but is refused for a required one.
const present = (_: object, value: unknown): boolean => value !== undefined;

/** PATCH: any registration field but `uscc` (unknown fields, `uscc` among them, are refused). */
export class UpdateEnterpriseDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @ValidateIf(present)
  @Transform(trimString)
  @IsString()
  @MaxLength(300)
  @IsCleanText()
  name?: string;

  @ApiPropertyOptional({ maxLength: 300, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(300)
  @IsCleanText()
  nameLocal?: string | null;

  @ApiPropertyOptional({ description: 'prefecture code (GB/T 2260) or name' })
  @ValidateIf(present)
  @Transform(regionToCode)
  @IsRegion()
  region?: string;

  @ApiPropertyOptional({ enum: COMMODITY_CATEGORIES, isArray: true })
  @ValidateIf(present)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMODITY_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(COMMODITY_CATEGORIES, { each: true, message: `each value in $property must be one of ${COMMODITY_CATEGORIES.join(', ')}` })
  sectors?: CommodityCategory[];

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsContactEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsZoneCode()
  zoneCode?: string | null;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: true })
  address?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsFoundedOn()
  foundedOn?: string | null;

  @ApiPropertyOptional({ enum: TRADE_MODES, isArray: true })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(TRADE_MODES.length)
  @ArrayUnique()
  @IsIn(TRADE_MODES, { each: true, message: `each value in $property must be one of ${TRADE_MODES.join(', ')}` })
  tradeModes?: TradeMode[];

  @ApiPropertyOptional({ description: 'the version the change is based on; like If-Match, 412 when stale' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
