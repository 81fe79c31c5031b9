import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { GRANT_PURPOSES, IsCountryCode, IsMoney, IsStorableText, IsTradeFairCode, type GrantPurpose } from '@westgate/domain';

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 10_000;
export const TARGET_MARKETS_MAX = 50;

/** `POST /applications` (officer): a DRAFT on an enterprise's behalf. */
export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enterpriseId!: string;

  @ApiProperty({ enum: GRANT_PURPOSES })
  @IsIn(GRANT_PURPOSES)
  purpose!: GrantPurpose;

  @ApiProperty({ example: '150000.00', description: 'CNY' })
  @IsMoney()
  requestedAmount!: string;

  @ApiProperty({ example: 'Stand at the Asia-Europe Expo' })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsStorableText()
  title!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(DESCRIPTION_MAX)
  @Matches(/\S/, { message: 'description must not be blank' })
  @IsStorableText({ multiline: true })
  description!: string;

  @ApiPropertyOptional({ example: 'ASIA_EUROPE_EXPO', description: 'ASIA_EUROPE_EXPO, KASHGAR_FAIR, HARBIN_FAIR or another fair’s code' })
  @IsOptional()
  @IsTradeFairCode()
  tradeFair?: string;

  @ApiPropertyOptional({ example: ['KZ', 'UZ'], description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TARGET_MARKETS_MAX)
  @ArrayUnique()
  @IsCountryCode({ each: true })
  targetMarkets?: string[];
}
