import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { ServiceConfig } from '@westgate/platform';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

/** Everything notifications reads from its environment, validated at boot. */
export class NotificationsConfig extends ServiceConfig {
  /** Where e-mail goes: `smtp://host:port` (STARTTLS when offered) or `smtps://` (TLS), credentials in the URL. */
  @IsUrl({ protocols: ['smtp', 'smtps'], require_protocol: true, require_tld: false }, { message: '$property must be an smtp:// or smtps:// URL' })
  readonly SMTP_URL: string = 'smtp://127.0.0.1:2525';

  /** The From of every e-mail, e.g. `Westgate <notifications@westgate.example>`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  readonly MAIL_FROM: string = 'Westgate <notifications@westgate.local>';

  /** Base of the links in notices to the application, enterprise and programme status pages. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: '$property must be an http(s) URL' })
  readonly PUBLIC_APP_URL: string = 'http://127.0.0.1:3000';

  /**
   * Where notices to the admins (`role:admin`) are e-mailed, comma-separated, unless an admin sets
   * an address in the `role:admin` preferences; none by default (admins read them in-app).
   */
  @Transform(toList)
  @IsOptional()
  @IsEmail({}, { each: true, message: '$property must be a comma-separated list of e-mail addresses' })
  readonly ADMIN_EMAIL: string[] = [];

  /**
   * Admins are told when a programme's available budget falls under this fraction of its total,
   * as a decimal between 0 and 1 (`0.10` = 10 %).
   */
  @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, { message: '$property must be a fraction between 0 and 1 with at most 4 decimals, e.g. 0.10' })
  readonly BUDGET_ALERT_THRESHOLD: string = '0.10';

  /**
   * Whether webhooks may be sent to loopback, link-local, private and other internal addresses
   * (checked on registration and again on the address each delivery connects to). Unset: allowed
   * in development and test (local receivers on 127.0.0.1), refused in production — see
   * `allowsPrivateWebhookTargets`.
   */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  readonly WEBHOOK_ALLOW_PRIVATE_NETWORKS?: boolean;

  /** Each webhook POST is abandoned (and retried) after this long. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  readonly WEBHOOK_TIMEOUT_MS: number = 5_000;

  /**
   * Attempts per webhook delivery, the first included, before it is marked failed. With the
   * defaults the nominal waits are 10 s, 20 s, 40 s … 43 min (jitter takes up to half off each):
   * ten attempts over at most about 1.4 hours.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  readonly WEBHOOK_MAX_ATTEMPTS: number = 10;

  /** Back-off before the second attempt; doubles with each further one (with jitter). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  readonly WEBHOOK_RETRY_BASE_MS: number = 10_000;

  /** Longest wait between two attempts. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  readonly WEBHOOK_RETRY_MAX_DELAY_MS: number = 3_600_000;

  /** No attempt is made later than this after the delivery was queued: it is failed instead. */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  readonly WEBHOOK_RETRY_PERIOD_MS: number = 86_400_000;

  /**
   * Attempts per e-mail, the first included: with the defaults about 30 s, 1 min, 2 min … up to
   * 30 min, ten attempts over at most about 2 hours (also how long a notice waits for the
   * registry's contact address).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  readonly EMAIL_MAX_ATTEMPTS: number = 10;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  readonly EMAIL_RETRY_BASE_MS: number = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  readonly EMAIL_RETRY_MAX_DELAY_MS: number = 1_800_000;

  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  readonly EMAIL_RETRY_PERIOD_MS: number = 86_400_000;

  /** Connection, greeting and socket timeout of the SMTP client. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  readonly EMAIL_TIMEOUT_MS: number = 15_000;

  /** Send e-mail and webhook deliveries from this replica (off: it only consumes and serves the API). */
  @Transform(toBoolean)
  @IsBoolean({ message: '$property must be true or false' })
  readonly DELIVERY_WORKER_ENABLED: boolean = true;

  /** How often the delivery workers look for due deliveries when idle. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  readonly DELIVERY_POLL_INTERVAL_MS: number = 500;

  /** Deliveries one worker sends at the same time, per channel. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  readonly DELIVERY_CONCURRENCY: number = 8;
}

/** `WEBHOOK_ALLOW_PRIVATE_NETWORKS`, defaulting by `NODE_ENV`: only production keeps webhooks out of internal networks unless told otherwise. */
export function allowsPrivateWebhookTargets(config: NotificationsConfig): boolean {
  return config.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? config.NODE_ENV !== 'production';
}

/** The retry policy of one channel, as the delivery rules take it. */
export interface ChannelRetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxPeriodMs: number;
}

export function webhookRetrySettings(config: NotificationsConfig): ChannelRetrySettings {
  return {
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    baseDelayMs: config.WEBHOOK_RETRY_BASE_MS,
    maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS,
    maxPeriodMs: config.WEBHOOK_RETRY_PERIOD_MS,
  };
}

export function emailRetrySettings(config: NotificationsConfig): ChannelRetrySettings {
  return {
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    baseDelayMs: config.EMAIL_RETRY_BASE_MS,
    maxDelayMs: config.EMAIL_RETRY_MAX_DELAY_MS,
    maxPeriodMs: config.EMAIL_RETRY_PERIOD_MS,
  };
}
