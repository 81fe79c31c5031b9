import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@westgate/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NOTICE_EVENT_TYPES } from '../../notices/notice-types';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** `limit` and `cursor` are every list's (an empty `cursor=` is the first page); the cursor is checked when decoded. */
export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only unread notices; false: only read ones; absent: all' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '$property must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_EVENT_TYPES })
  @IsOptional()
  @IsIn(NOTICE_EVENT_TYPES, { message: '$property must be an event type with notices' })
  eventType?: string;
}
