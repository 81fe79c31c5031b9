import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMODITY_CATEGORIES, IsCleanText, IsContactEmail, IsRegion, IsUscc, IsZoneCode, resolveRegion, TRADE_MODES, trimString, type CommodityCategory, type TradeMode } from '@westgate/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsFoundedOn } from './founded-on.validator';

/** A region is given by code or name and kept as its code; an unknown one stays as typed, for the error. */
export function regionToCode({ value }: { value: unknown }): unknown {
  return resolveRegion(value) ?? value;
}

export class RegisterEnterpriseDto {
  @ApiProperty({ example: '91650100MA77T9XU4D', description: 'unified social credit code (GB 32100-2015), both check characters verified' })
  @IsUscc()
  uscc!: string;

  @ApiProperty({ example: 'Tianshan Agricultural Export Co., Ltd.', maxLength: 300 })
  @Transform(trimString)
  @IsString()
  @MaxLength(300)
  @IsCleanText()
  name!: string;

  @ApiPropertyOptional({ example: '天山农产品出口有限公司', maxLength: 300 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(300)
  @IsCleanText()
  nameLocal?: string | null;

  @ApiProperty({ example: 'Urumqi', description: 'prefecture code (GB/T 2260) or name; stored as the code' })
  @Transform(regionToCode)
  @IsRegion()
  region!: string;

  @ApiProperty({ enum: COMMODITY_CATEGORIES, isArray: true, example: ['AGRICULTURAL'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMODITY_CATEGORIES.length)
  @ArrayUnique()
  @IsIn(COMMODITY_CATEGORIES, { each: true, message: `each value in $property must be one of ${COMMODITY_CATEGORIES.join(', ')}` })
  sectors!: CommodityCategory[];

  @ApiProperty({ example: 'trade@tianshan.example.cn' })
  @IsContactEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiPropertyOptional({ example: 'URUMQI-ETDZ', description: 'a code of GET /api/v1/zones' })
  @IsOptional()
  @IsZoneCode()
  zoneCode?: string | null;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(500)
  @IsCleanText({ multiline: true })
  address?: string | null;

  @ApiPropertyOptional({ example: '2012-05-17', format: 'date' })
  @IsOptional()
  @IsFoundedOn()
  foundedOn?: string | null;

  @ApiPropertyOptional({ enum: TRADE_MODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TRADE_MODES.length)
  @ArrayUnique()
  @IsIn(TRADE_MODES, { each: true, message: `each value in $property must be one of ${TRADE_MODES.join(', ')}` })
  tradeModes?: TradeMode[] | null;
}
