import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../api/page';
import { IsCycle } from '../../api/cycle.validator';

export class ListProgrammesQuery extends PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsCycle()
  cycle?: number;
}
