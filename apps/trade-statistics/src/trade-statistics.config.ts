import { IsCycle } from '@westgate/domain';
import { ServiceConfig } from '@westgate/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Everything trade-statistics reads from its environment, validated at boot. */
export class StatisticsConfig extends ServiceConfig {
  /**
   * The programme cycle (a year) the KPI dashboard shows when none is asked for: the same
   * setting, and the same default (the current year), as the registry's current `tier`.
   */
  @Type(() => Number)
  @IsCycle()
  readonly PROGRAMME_CYCLE: number = new Date().getUTCFullYear();

  /**
   * Days after a month ends at which it is closed automatically (its export-decline alerts
   * raised), unless an admin closed it before.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  readonly PERIOD_AUTO_CLOSE_DAYS: number = 15;

  /** How often the automatic close looks for months to close; 0 turns it off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400)
  readonly PERIOD_AUTO_CLOSE_CHECK_SECONDS: number = 3_600;

  /** Declarations written to the database in one transaction by the ingest consumer (at most). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200_000)
  readonly INGEST_CHUNK_ROWS: number = 20_000;

  /** Partitions of the ingest topic one replica works on at the same time (one database connection each). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  readonly INGEST_CONCURRENCY: number = 3;

  /**
   * Bytes fetched from one partition at a time: big fetches make big chunks, and big chunks cheap
   * roll-up updates; but every fetched byte is held until its chunk commits. 2 MB (~9,000
   * declarations) kept a 1 GB import's peak RSS at 294 MB where 4 MB reached 306 MB, at the same rate.
   */
  @Type(() => Number)
  @IsInt()
  @Min(65_536)
  @Max(64 * 1024 * 1024)
  readonly INGEST_FETCH_BYTES: number = 2 * 1024 * 1024;

  /** Attempts at a chunk that fails with a data error before its messages are tried one by one and dead-lettered. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  readonly INGEST_MAX_ATTEMPTS: number = 4;

  /**
   * How long the broker waits for a silent ingest consumer before giving its partitions to
   * another replica (a crashed one never says goodbye).
   */
  @Type(() => Number)
  @IsInt()
  @Min(6_000)
  @Max(300_000)
  readonly INGEST_SESSION_TIMEOUT_MS: number = 30_000;

  /** Longest a streamed CSV upload may take (Node's default request timeout is 5 minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  readonly IMPORT_REQUEST_TIMEOUT_SECONDS: number = 3_600;
}
