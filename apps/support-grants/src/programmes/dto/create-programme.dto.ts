import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { COMMODITY_CATEGORIES, GRANT_PURPOSES, IsCycle, IsMoney, IsStorableText, TIERS, type CommodityCategory, type GrantPurpose, type Tier } from '@westgate/domain';

/** `POST /programmes` (admin). */
export class CreateProgrammeDto {
  @ApiProperty({ example: 'EXP-2026' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit' })
  code!: string;

  @ApiProperty({ example: 'Export expansion support 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsStorableText()
  name!: string;

  @ApiProperty({ example: 2026 })
  @IsCycle()
  cycle!: number;

  @ApiProperty({ example: '1000000.00', description: 'CNY' })
  @IsMoney()
  budget!: string;

  @ApiProperty({ enum: TIERS, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(TIERS, { each: true })
  eligibleTiers!: Tier[];

  @ApiProperty({ enum: GRANT_PURPOSES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(GRANT_PURPOSES, { each: true })
  purposes!: GrantPurpose[];

  @ApiProperty({ example: '300000.00', description: 'CNY, counting all of one enterprise’s live applications in the programme' })
  @IsMoney()
  maxGrantPerEnterprise!: string;

  @ApiProperty({ example: '2026-01-01T00:00:00Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  opensAt!: string;

  @ApiProperty({ example: '2026-12-31T23:59:59Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  closesAt!: string;

  @ApiPropertyOptional({ enum: COMMODITY_CATEGORIES, isArray: true, description: 'omitted or empty: every sector' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(COMMODITY_CATEGORIES, { each: true })
  eligibleSectors?: CommodityCategory[];
}
