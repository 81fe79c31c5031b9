import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCleanText, trimString } from '@westgate/domain';

export class DeactivateEnterpriseDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'why, for the history' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(1000)
  @IsCleanText({ multiline: true })
  reason?: string;
}
