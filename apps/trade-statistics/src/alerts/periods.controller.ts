import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { isPeriod } from '@westgate/domain';
import { NoBodyPipe, validationProblem } from '@westgate/platform';
import { ClosePeriodUseCase, PeriodClosure } from './close-period.usecase';
import { GetPeriodUseCase, PeriodView } from './get-period.usecase';

function requirePeriod(period: string): string {
  if (!isPeriod(period)) throw validationProblem([{ field: 'period', message: 'period must be a month written YYYY-MM, e.g. "2026-03"' }]);
  return period;
}

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(
    private readonly closePeriod: ClosePeriodUseCase,
    private readonly getPeriod: GetPeriodUseCase,
  ) {}

  @Post(':period/close')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Close a month: raise an export-decline alert for every designated enterprise whose exports fell more than 20 % year on year',
    description: 'Idempotent: closing again raises only alerts not raised yet (at most one per enterprise and month).',
  })
  @ApiOkResponse({ type: PeriodClosure, description: 'the month closed (again: harmless), with every alert of the month' })
  close(@Param('period') period: string, @CurrentUser() user: AuthUser, @Body(NoBodyPipe) _body: unknown): Promise<PeriodClosure> {
    return this.closePeriod.execute(requirePeriod(period), user.id, false);
  }

  @Get(':period')
  @Roles('admin', 'analyst')
  @ApiOperation({ summary: 'Whether a month is closed, and its export-decline alerts' })
  @ApiOkResponse({ type: PeriodView, description: 'the month is closed (404 PERIOD_NOT_CLOSED otherwise)' })
  get(@Param('period') period: string): Promise<PeriodView> {
    return this.getPeriod.execute(requirePeriod(period));
  }
}
