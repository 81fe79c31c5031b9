import { ApiProperty } from '@nestjs/swagger';
import { DESIGNATED_TIERS, IsCleanText, IsCycle, trimString, type DesignatedTier } from '@westgate/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class DesignateTierDto {
  @ApiProperty({ enum: DESIGNATED_TIERS })
  @IsIn(DESIGNATED_TIERS, { message: `$property must be one of ${DESIGNATED_TIERS.join(', ')}` })
  tier!: DesignatedTier;

  @ApiProperty({ example: 2026, description: 'the programme cycle (a year)' })
  @IsCycle()
  cycle!: number;

  @ApiProperty({ maxLength: 1000, example: 'Exports above 50 million USD in each of the last three years' })
  @Transform(trimString)
  @IsString()
  @MaxLength(1000)
  @IsCleanText({ multiline: true })
  reason!: string;
}
