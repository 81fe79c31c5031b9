import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@westgate/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** `limit` and `cursor` are every list's (an empty `cursor=` is the first page); the cursor is checked when decoded. */
export class ListAttemptsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only the attempts of one delivery' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  deliveryId?: string;

  @ApiPropertyOptional({ enum: ['sent', 'failed'] })
  @IsOptional()
  @IsIn(['sent', 'failed'])
  status?: 'sent' | 'failed';
}
