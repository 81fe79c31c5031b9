import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCycle } from '@westgate/domain';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';

/** `GET /stats/kpis?cycle=`: the programme cycle (a year); `PROGRAMME_CYCLE` (the current year) by default. */
export class KpisQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsCycle()
  cycle?: number;
}
