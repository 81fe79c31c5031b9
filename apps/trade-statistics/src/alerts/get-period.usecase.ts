import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@westgate/platform';
import { DataSource } from 'typeorm';
import { periodKey } from '../rollups/dimensions.rules';
import { ClosePeriodUseCase, PeriodClosure } from './close-period.usecase';

/** `GET /periods/{period}`: a closed month (an open one answers 404 PERIOD_NOT_CLOSED). */
export class PeriodView extends OmitType(PeriodClosure, ['alertsRaised'] as const) {
  @ApiProperty({ type: Boolean, enum: [true], description: 'always true' })
  closed!: true;
}

/** `GET /periods/{period}`: whether a month is closed, and its alerts. */
@Injectable()
export class GetPeriodUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closePeriod: ClosePeriodUseCase,
  ) {}

  async execute(period: string): Promise<PeriodView> {
    const key = periodKey(period);
    const [closure] = (await this.dataSource.query('SELECT closed_at, closed_by, automatic FROM period_close WHERE period = $1', [key])) as Array<{
      closed_at: Date;
      closed_by: string;
      automatic: boolean;
    }>;
    if (!closure) throw new ProblemException(HttpStatus.NOT_FOUND, 'PERIOD_NOT_CLOSED', `Period ${period} has not been closed`);
    return {
      period,
      closed: true,
      closedAt: new Date(closure.closed_at).toISOString(),
      closedBy: closure.closed_by,
      automatic: closure.automatic,
      alerts: await this.closePeriod.alertsOf(this.dataSource.manager, key),
    };
  }
}
