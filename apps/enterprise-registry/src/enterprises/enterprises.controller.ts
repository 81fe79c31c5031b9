import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import type { FastifyReply } from 'fastify';
import { ApiOkPageResponse } from '@westgate/platform';
import { actorOf } from '../history/history.rules';
import { etagOf } from '../http/etag';
import type { Page } from '@westgate/platform';
import { ParseIdPipe, ParseUsccPipe } from '../http/path-params';
import { DeactivateEnterprise } from './deactivate-enterprise.usecase';
import { DeactivateEnterpriseDto } from './dto/deactivate-enterprise.dto';
import { ListEnterprisesQuery } from './dto/list-enterprises.query';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto';
import { ADMINS, ENTERPRISE_READERS, REGISTRARS, STAFF_READERS } from '../registry-roles';
import { EnterpriseView } from './enterprise.rules';
import { GetEnterprise } from './get-enterprise.usecase';
import { ListEnterprises } from './list-enterprises.usecase';
import { RegisterEnterprise } from './register-enterprise.usecase';
import { UpdateEnterprise } from './update-enterprise.usecase';

/** The ETag of a representation is its version: what `If-Match` sends back. */
function withEtag(response: FastifyReply, view: EnterpriseView): EnterpriseView {
  response.header('ETag', etagOf(view.version));
  return view;
}

@ApiTags('enterprises')
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly registerEnterprise: RegisterEnterprise,
    private readonly getEnterprise: GetEnterprise,
    private readonly listEnterprises: ListEnterprises,
    private readonly updateEnterprise: UpdateEnterprise,
    private readonly deactivateEnterprise: DeactivateEnterprise,
  ) {}

  @Post()
  @Roles(...REGISTRARS)
  @ApiOperation({ summary: 'Register an enterprise (409 ENTERPRISE_EXISTS for a USCC already registered)' })
  @ApiCreatedResponse({ type: EnterpriseView, description: 'registered: tier NONE, status ACTIVE, version 1; Location and ETag headers' })
  async register(
    @Body() body: RegisterEnterpriseDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EnterpriseView> {
    const view = await this.registerEnterprise.execute(body, actorOf(user, REGISTRARS));
    response.header('Location', `/api/v1/enterprises/${view.id}`);
    return withEtag(response, view);
  }

  @Get()
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'The register, filtered; cursor-paginated' })
  @ApiOkPageResponse(EnterpriseView, 'a page of enterprises')
  list(@Query() query: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    return this.listEnterprises.execute(query);
  }

  @Get('by-uscc/:uscc')
  @Roles(...ENTERPRISE_READERS)
  @ApiOperation({ summary: 'One enterprise by its unified social credit code' })
  @ApiOkResponse({ type: EnterpriseView, description: 'the enterprise; ETag header' })
  async byUscc(
    @Param('uscc', ParseUsccPipe) uscc: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EnterpriseView> {
    return withEtag(response, await this.getEnterprise.byUscc(uscc, user));
  }

  @Get(':id')
  @Roles(...ENTERPRISE_READERS)
  @ApiOperation({ summary: 'One enterprise, with its current tier and live designations' })
  @ApiOkResponse({ type: EnterpriseView, description: 'the enterprise; ETag header' })
  async get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EnterpriseView> {
    return withEtag(response, await this.getEnterprise.byId(id, user));
  }

  @Patch(':id')
  @Roles(...REGISTRARS)
  @ApiOperation({ summary: 'Partial update (not the USCC); If-Match honoured (412 when stale)' })
  @ApiOkResponse({ type: EnterpriseView, description: 'the updated enterprise; ETag header' })
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateEnterpriseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EnterpriseView> {
    return withEtag(response, await this.updateEnterprise.execute(id, body, { ifMatch }, actorOf(user, REGISTRARS)));
  }

  @Post(':id/deactivate')
  @Roles(...ADMINS)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Status INACTIVE (409 ENTERPRISE_INACTIVE when it already is)' })
  @ApiOkResponse({ type: EnterpriseView, description: 'the enterprise, status INACTIVE' })
  async deactivate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DeactivateEnterpriseDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<EnterpriseView> {
    return withEtag(response, await this.deactivateEnterprise.execute(id, body.reason, actorOf(user, ADMINS)));
  }
}
