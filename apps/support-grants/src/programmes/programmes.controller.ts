import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, STAFF_ROLES, type AuthUser } from '@westgate/auth';
import type { FastifyReply } from 'fastify';
import { ApiOkPageResponse } from '@westgate/platform';
import { etagFor } from '../api/etag';
import { toPage, type Page } from '../api/page';
import { DEFAULT_PAGE_SIZE } from '../api/page';
import { ChangeProgrammeBudgetUseCase } from './change-programme-budget.usecase';
import { CreateProgrammeUseCase } from './create-programme.usecase';
import { ChangeProgrammeDto } from './dto/change-programme.dto';
import { CreateProgrammeDto } from './dto/create-programme.dto';
import { ListProgrammesQuery } from './dto/list-programmes.query';
import { ProgrammeView, toProgrammeView } from './programme.mapper';
import { ProgrammeRepository } from './programme.repository';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly createProgramme: CreateProgrammeUseCase,
    private readonly changeBudget: ChangeProgrammeBudgetUseCase,
    private readonly programmes: ProgrammeRepository,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ProgrammeView, description: 'created; Location and ETag headers' })
  async create(@Body() body: CreateProgrammeDto, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<ProgrammeView> {
    const programme = await this.createProgramme.execute(body, user);
    res.header('ETag', etagFor(programme.version));
    res.header('Location', `/api/v1/programmes/${programme.id}`);
    return toProgrammeView(programme);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkPageResponse(ProgrammeView, 'a page of programmes')
  async list(@Query() query: ListProgrammesQuery): Promise<Page<ProgrammeView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.programmes.list({ cycle: query.cycle, cursor: query.cursor, limit });
    return toPage(rows, limit, toProgrammeView);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: ProgrammeView, description: 'the programme with its budget; ETag header' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<ProgrammeView> {
    const programme = await this.programmes.get(id);
    res.header('ETag', etagFor(programme.version));
    return toProgrammeView(programme);
  }

  /** Not in API.md: changing the total budget (a `programme.budget-changed` event). */
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: ProgrammeView, description: 'the programme with its new budget; ETag header' })
  async change(
    @Param('id') id: string,
    @Body() body: ChangeProgrammeDto,
    @CurrentUser() user: AuthUser,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ProgrammeView> {
    const programme = await this.changeBudget.execute(id, body, user, ifMatch);
    res.header('ETag', etagFor(programme.version));
    return toProgrammeView(programme);
  }
}
