import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@westgate/auth';
import { StatisticsConfig } from '../trade-statistics.config';
import { KpisQueryDto } from './dto/kpis-query.dto';
import { GetKpisUseCase } from './get-kpis.usecase';
import { KpiDashboardView } from './kpi-dashboard.view';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('stats')
export class KpisController {
  constructor(
    private readonly kpis: GetKpisUseCase,
    private readonly config: StatisticsConfig,
  ) {}

  @Get('kpis')
  @Roles('analyst', 'admin')
  @ApiOperation({
    summary: "The programme dashboard of a cycle: designated enterprises' exports and growth, encouraged exports, bulk imports, partner shares and concentration, top 10, new exporters",
  })
  @ApiOkResponse({ type: KpiDashboardView })
  get(@Query() query: KpisQueryDto): Promise<KpiDashboardView> {
    return this.kpis.execute(query.cycle ?? this.config.PROGRAMME_CYCLE);
  }
}
