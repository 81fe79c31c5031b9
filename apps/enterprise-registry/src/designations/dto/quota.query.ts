import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsCycle } from '@westgate/domain';

export class QuotaQuery {
  @ApiPropertyOptional({ description: 'default: the current programme cycle' })
  @IsOptional()
  @Type(() => Number)
  @IsCycle()
  cycle?: number;
}
