import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { validationProblem } from '@westgate/platform';
import { actorOf } from '../history/history.rules';
import { ParseCyclePipe, ParseIdPipe } from '../http/path-params';
import { ADMINS, STAFF_READERS } from '../registry-roles';
import { DesignateTier, DesignationView } from './designate-tier.usecase';
import { QuotaView } from './designation.rules';
import { DesignateTierDto } from './dto/designate-tier.dto';
import { QuotaQuery } from './dto/quota.query';
import { RevokeDesignationDto } from './dto/revoke-designation.dto';
import { GetQuota } from './get-quota.usecase';
import { RevokeDesignation } from './revoke-designation.usecase';

@ApiTags('designations')
@Controller()
export class DesignationsController {
  constructor(
    private readonly designateTier: DesignateTier,
    private readonly revokeDesignation: RevokeDesignation,
    private readonly getQuota: GetQuota,
  ) {}

  @Post('enterprises/:id/designations')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Designate BACKBONE or POTENTIAL for a cycle (409 QUOTA_EXCEEDED, 409 ALREADY_DESIGNATED)' })
  @ApiCreatedResponse({ type: DesignationView, description: 'the designation, with the enterprise after it' })
  designate(@Param('id', ParseIdPipe) id: string, @Body() body: DesignateTierDto, @CurrentUser() user: AuthUser): Promise<DesignationView> {
    return this.designateTier.execute(id, body, actorOf(user, ADMINS));
  }

  @Delete('enterprises/:id/designations/:cycle')
  @Roles(...ADMINS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke the designation of a cycle, with a reason (body or ?reason=); frees the place' })
  @ApiNoContentResponse({ description: 'revoked' })
  async revoke(
    @Param('id', ParseIdPipe) id: string,
    @Param('cycle', ParseCyclePipe) cycle: number,
    @Body() body: RevokeDesignationDto,
    @Query() query: RevokeDesignationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    const reason = body.reason ?? query.reason;
    if (reason === undefined) throw validationProblem([{ field: 'reason', message: 'reason is required (in the body or as ?reason=)' }]);
    await this.revokeDesignation.execute(id, cycle, reason, actorOf(user, ADMINS));
  }

  @Get('designations/quota')
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'Places used and the limit of each tier in a cycle (default: the current one)' })
  @ApiOkResponse({ type: QuotaView })
  quota(@Query() query: QuotaQuery): Promise<QuotaView> {
    return this.getQuota.execute(query.cycle);
  }
}
