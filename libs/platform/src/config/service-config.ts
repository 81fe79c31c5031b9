import { DEV_JWT_SECRET } from '@westgate/auth';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { IsHostPortList, IsJwtSecret, IsPortNumber, IsPostgresUrl } from './config.validators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The variables every service reads (API.md, "Common to every service"). An app declares its
 * own by subclassing, one class per app; every property needs a class-validator decorator,
 * which is also how `loadConfig` knows which environment variables belong to it.
 * `DATABASE_URL` and `PORT` have no default here: each app supplies its own.
 */
export class ServiceConfig {
  @IsIn(NODE_ENVS, { message: `$property must be one of ${NODE_ENVS.join(', ')}` })
  readonly NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsPortNumber()
  readonly PORT!: number;

  /** The interface to listen on. */
  @IsString()
  @IsNotEmpty()
  readonly HOST: string = '0.0.0.0';

  @IsPostgresUrl()
  readonly DATABASE_URL!: string;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((broker) => broker.trim()) : value,
  )
  @IsHostPortList()
  readonly KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Prefix for topic and consumer-group names: empty in production, unique per test run. */
  @Matches(/^([a-z0-9][a-z0-9-]{0,40})?$/, { message: '$property must be empty or a short lower-case name' })
  readonly KAFKA_NAMESPACE: string = '';

  /** Partitions of the topics a service creates; consumers scale out up to this many replicas. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  readonly KAFKA_TOPIC_PARTITIONS: number = 6;

  /** 1 on a single development broker, 3 on a production cluster. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  readonly KAFKA_REPLICATION_FACTOR: number = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  readonly DATABASE_POOL_SIZE: number = 10;

  /** Development default from auth; refused in production, as is any short secret. */
  @IsJwtSecret()
  readonly AUTH_JWT_SECRET: string = DEV_JWT_SECRET;

  @IsIn(LOG_LEVELS, { message: `$property must be one of ${LOG_LEVELS.join(', ')}` })
  readonly LOG_LEVEL: LogLevel = 'info';
}
