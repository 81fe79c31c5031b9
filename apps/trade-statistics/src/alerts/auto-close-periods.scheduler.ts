import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { periodOfKey } from '../rollups/dimensions.rules';
import { StatisticsConfig } from '../trade-statistics.config';
import { periodsDueForClose } from './auto-close.rules';
import { ClosePeriodUseCase } from './close-period.usecase';

/**
 * Closes every month with data `PERIOD_AUTO_CLOSE_DAYS` after it ends, checking every
 * `PERIOD_AUTO_CLOSE_CHECK_SECONDS` (and once at start). Safe with several replicas: closing is
 * idempotent and each alert is raised once (ClosePeriodUseCase).
 */
@Injectable()
export class AutoClosePeriodsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AutoClosePeriodsScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closePeriod: ClosePeriodUseCase,
    private readonly config: StatisticsConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.PERIOD_AUTO_CLOSE_CHECK_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; exposed for tests. */
  async closeDuePeriods(now = new Date()): Promise<string[]> {
    const rows = (await this.dataSource.query(
      'SELECT DISTINCT r.period FROM rollup_org r WHERE NOT EXISTS (SELECT 1 FROM period_close c WHERE c.period = r.period)',
    )) as Array<{ period: number }>;
    const due = periodsDueForClose(
      rows.map((r) => periodOfKey(Number(r.period))),
      this.config.PERIOD_AUTO_CLOSE_DAYS,
      now,
    );
    for (const period of due) await this.closePeriod.execute(period, 'system:auto-close', true);
    return due;
  }

  private tick(): void {
    if (this.running || !this.timer) return;
    this.running = this.closeDuePeriods()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`automatic period close failed (next try in ${this.config.PERIOD_AUTO_CLOSE_CHECK_SECONDS} s): ${error.message}`))
      .finally(() => {
        this.running = undefined;
      });
  }
}
