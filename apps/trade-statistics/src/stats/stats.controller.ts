import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanSeeEnterprise, CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { isUUID } from 'class-validator';
import { EnterpriseSeriesQueryDto } from './dto/enterprise-series-query.dto';
import { SummaryQueryDto } from './dto/summary-query.dto';
import { enterpriseNotFound, GetEnterpriseSeriesUseCase } from './get-enterprise-series.usecase';
import { EnterpriseSeriesView } from './enterprise-series.view';
import { GetSummaryUseCase, SummaryView } from './get-summary.usecase';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly summaryUseCase: GetSummaryUseCase,
    private readonly seriesUseCase: GetEnterpriseSeriesUseCase,
  ) {}

  @Get('summary')
  @Roles('analyst', 'officer', 'reviewer', 'admin')
  @ApiOperation({
    summary: 'Trade value and declarations over months, grouped by one dimension, with share and year-on-year growth',
    description:
      '`share` is the row\'s fraction of the total of the selection (categories overlap, so category shares may add up to more than 1); `yoyGrowth` compares with the same months a year earlier, null where that is zero. Tier is the one held in each declaration\'s year; enterprises not in the registry count as tier NONE and zone NONE.',
  })
  @ApiOkResponse({ type: SummaryView })
  summary(@Query() query: SummaryQueryDto): Promise<SummaryView> {
    return this.summaryUseCase.execute(query);
  }

  @Get('enterprises/:enterpriseId')
  @Roles('admin', 'officer', 'reviewer', 'analyst', 'enterprise')
  @ApiOperation({ summary: "An enterprise's monthly exports and imports, and its growth since its first approved support" })
  @ApiOkResponse({ type: EnterpriseSeriesView, description: 'another enterprise (role enterprise) answers 404, like a missing one' })
  enterprise(@Param('enterpriseId') enterpriseId: string, @Query() query: EnterpriseSeriesQueryDto, @CurrentUser() user: AuthUser): Promise<EnterpriseSeriesView> {
    // Another enterprise's figures look exactly like missing ones.
    assertCanSeeEnterprise(user, enterpriseId, () => enterpriseNotFound(enterpriseId));
    if (!isUUID(enterpriseId)) throw enterpriseNotFound(enterpriseId);
    return this.seriesUseCase.execute(enterpriseId.toLowerCase(), query);
  }
}
