import { ApiProperty } from '@nestjs/swagger';
import { DESIGNATED_TIERS, type DesignatedTier } from '@westgate/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_CYCLE, MIN_CYCLE } from '../../http/path-params';
import { IsCleanText, trimString } from '../../http/text.validators';

export class DesignateTierDto {
  @ApiProperty({ enum: DESIGNATED_TIERS })
  @IsIn(DESIGNATED_TIERS, { message: `$property must be one of ${DESIGNATED_TIERS.join(', ')}` })
  tier!: DesignatedTier;

  @ApiProperty({ example: 2026, description: 'the programme cycle (a year)' })
  @IsInt({ message: `$property must be a year from ${MIN_CYCLE} to ${MAX_CYCLE} (an integer)` })
  @Min(MIN_CYCLE)
  @Max(MAX_CYCLE)
  cycle!: number;

  @ApiProperty({ maxLength: 1000, example: 'Exports above 50 million USD in each of the last three years' })
  @Transform(trimString)
  @IsString()
  @MaxLength(1000)
  @IsCleanText({ multiline: true })
  reason!: string;
}
