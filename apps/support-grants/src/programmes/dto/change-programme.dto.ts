import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMoney } from '@westgate/domain';

/** `PATCH /programmes/{id}` (admin): the budget's total; it never goes below what is reserved. */
export class ChangeProgrammeDto {
  @ApiPropertyOptional({ example: '1500000.00', description: 'new total budget, CNY' })
  @IsOptional()
  @IsMoney()
  budget?: string;
}
