import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsCycle } from '@westgate/domain';
import { PageQuery } from '../../api/page';

export class ListProgrammesQuery extends PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsCycle()
  cycle?: number;
}
