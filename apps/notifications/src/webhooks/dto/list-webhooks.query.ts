import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@westgate/platform';
import { IsOptional, IsUUID } from 'class-validator';

/** `limit` and `cursor` are every list's (an empty `cursor=` is the first page); this list's cursor is a webhook id. */
export class ListWebhooksQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a nextCursor returned by this API' })
  override cursor?: string = undefined;
}
