import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPeriod } from '@westgate/domain';

/** `GET /stats/enterprises/{id}`: the months of the series; the enterprise's first and last month with data by default. */
export class EnterpriseSeriesQueryDto {
  @ApiPropertyOptional({ example: '2025-01' })
  @IsOptional()
  @IsPeriod()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06' })
  @IsOptional()
  @IsPeriod()
  to?: string;
}
