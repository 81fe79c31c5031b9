import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { NOTICE_EVENT_TYPES } from '../../notices/notice-types';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../inbox.rules';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'true: only unread notices; false: only read ones; absent: all' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '$property must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_EVENT_TYPES })
  @IsOptional()
  @IsIn(NOTICE_EVENT_TYPES, { message: '$property must be an event type with notices' })
  eventType?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '$property must be a nextCursor returned by this API' })
  cursor?: string;
}
