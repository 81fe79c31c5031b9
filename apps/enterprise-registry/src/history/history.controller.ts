import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@westgate/auth';
import { HISTORY_READERS } from '../registry-roles';
import { PageQuery, type Page } from '@westgate/platform';
import { ParseIdPipe } from '../http/path-params';
import { ListHistory, type HistoryItem } from './list-history.usecase';

@ApiTags('history')
@Controller('enterprises/:id/history')
export class HistoryController {
  constructor(private readonly listHistory: ListHistory) {}

  @Get()
  @Roles(...HISTORY_READERS)
  @ApiOperation({ summary: "Every change of an enterprise and its designations, oldest first: who, when, what (before and after)" })
  list(@Param('id', ParseIdPipe) id: string, @Query() page: PageQuery): Promise<Page<HistoryItem>> {
    return this.listHistory.execute(id, page);
  }
}
