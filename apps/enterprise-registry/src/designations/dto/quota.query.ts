import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_CYCLE, MIN_CYCLE } from '../../http/path-params';

export class QuotaQuery {
  @ApiPropertyOptional({ description: 'default: the current programme cycle' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `$property must be a year from ${MIN_CYCLE} to ${MAX_CYCLE}` })
  @Min(MIN_CYCLE)
  @Max(MAX_CYCLE)
  cycle?: number;
}
