import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@westgate/auth';
import { HISTORY_READERS } from '../registry-roles';
import { ApiOkPageResponse, PageQuery, type Page } from '@westgate/platform';
import { ParseIdPipe } from '../http/path-params';
import { HistoryItem, ListHistory } from './list-history.usecase';

@ApiTags('history')
@Controller('enterprises/:id/history')
export class HistoryController {
  constructor(private readonly listHistory: ListHistory) {}

  @Get()
  @Roles(...HISTORY_READERS)
  @ApiOperation({ summary: "Every change of an enterprise and its designations, oldest first: who, when, what (before and after)" })
  @ApiOkPageResponse(HistoryItem, 'a page of changes, oldest first')
  list(@Param('id', ParseIdPipe) id: string, @Query() page: PageQuery): Promise<Page<HistoryItem>> {
    return this.listHistory.execute(id, page);
  }
}
