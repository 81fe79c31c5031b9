import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { GRANT_PURPOSES, IsCountryCode, IsMoney, IsStorableText, IsTradeFairCode, type GrantPurpose } from '@westgate/domain';
import { DESCRIPTION_MAX, TARGET_MARKETS_MAX, TITLE_MAX } from './create-application.dto';

const present = (_: object, value: unknown) => value !== undefined;

/** `PATCH /applications/{id}` (officer), while DRAFT or RETURNED: the fields given change; `tradeFair: null` clears it. */
export class EditApplicationDto {
  @ApiPropertyOptional({ enum: GRANT_PURPOSES })
  @ValidateIf(present)
  @IsIn(GRANT_PURPOSES)
  purpose?: GrantPurpose;

  @ApiPropertyOptional({ example: '120000.00' })
  @ValidateIf(present)
  @IsMoney()
  requestedAmount?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsStorableText()
  title?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(DESCRIPTION_MAX)
  @Matches(/\S/, { message: 'description must not be blank' })
  @IsStorableText({ multiline: true })
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsTradeFairCode()
  tradeFair?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(TARGET_MARKETS_MAX)
  @ArrayUnique()
  @IsCountryCode({ each: true })
  targetMarkets?: string[];
}
