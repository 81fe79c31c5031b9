import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { ConfigurationError } from './configuration.error';
import { loadConfig } from './load-config';
import { PlatformConfigModule } from './platform-config.module';
import { ServiceConfig } from './service-config';

class RegistryConfig extends ServiceConfig {
  @IsString()
  readonly ZONES_FILE: string = 'zones.json';
}

const DEFAULTS = { PORT: 3001, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_registry' };

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('applies defaults: the class initialisers, then the app defaults', () => {
    const config = loadConfig(RegistryConfig, {}, DEFAULTS);
    expect(config).toBeInstanceOf(RegistryConfig);
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3001,
      HOST: '0.0.0.0',
      DATABASE_URL: DEFAULTS.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      AUTH_JWT_SECRET: 'westgate-dev-secret',
      LOG_LEVEL: 'info',
      ZONES_FILE: 'zones.json',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads and converts the environment, ignoring variables the class does not declare', () => {
    const config = loadConfig(
      RegistryConfig,
      {
        PORT: '8080',
        KAFKA_BROKERS: 'kafka-0:9092, kafka-1.kafka:9093,[::1]:9094',
        DATABASE_URL: 'postgresql://u:p@db:5432/x',
        LOG_LEVEL: 'debug',
        HOME: '/root',
        PORTABLE: '',
      },
      DEFAULTS,
    );
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-0:9092', 'kafka-1.kafka:9093', '[::1]:9094']);
    expect(config.DATABASE_URL).toBe('postgresql://u:p@db:5432/x');
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config).not.toHaveProperty('HOME');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig(RegistryConfig, { PORT: '', LOG_LEVEL: '' }, DEFAULTS)).toMatchObject({ PORT: 3001, LOG_LEVEL: 'info' });
  });

  it('requires DATABASE_URL when the app gives no default', () => {
    expect(problemsOf(() => loadConfig(RegistryConfig, {}, { PORT: 3001 }))).toBe(
      'Invalid configuration: DATABASE_URL is required (a postgres:// or postgresql:// URL)',
    );
  });

  it('names a malformed KAFKA_BROKERS and shows the value', () => {
    expect(problemsOf(() => loadConfig(RegistryConfig, { KAFKA_BROKERS: 'nope' }, DEFAULTS))).toBe(
      "Invalid configuration: KAFKA_BROKERS must be a comma-separated list of host:port (got 'nope')",
    );
    expect(problemsOf(() => loadConfig(RegistryConfig, { KAFKA_BROKERS: 'a:9092,b:99999' }, DEFAULTS))).toMatch(
      /KAFKA_BROKERS must be/,
    );
  });

  it('refuses the development secret in production', () => {
    expect(problemsOf(() => loadConfig(RegistryConfig, { NODE_ENV: 'production' }, DEFAULTS))).toMatch(
      /^Invalid configuration: AUTH_JWT_SECRET must be set in production/,
    );
  });

  it('refuses a short secret in production without printing it', () => {
    const message = problemsOf(() =>
      loadConfig(RegistryConfig, { NODE_ENV: 'production', AUTH_JWT_SECRET: 'hunter2' }, DEFAULTS),
    );
    expect(message).toMatch(/AUTH_JWT_SECRET must be at least 32 characters/);
    expect(message).not.toContain('hunter2');
  });

  it('accepts a strong secret in production', () => {
    const secret = 's'.repeat(40);
    const config = loadConfig(RegistryConfig, { NODE_ENV: 'production', AUTH_JWT_SECRET: secret }, DEFAULTS);
    expect(config.AUTH_JWT_SECRET).toBe(secret);
  });

  it('lists every bad variable at once, masking URL passwords', () => {
    const message = problemsOf(() =>
      loadConfig(RegistryConfig, {
        NODE_ENV: 'prod',
        PORT: '70000',
        DATABASE_URL: 'mysql://root:s3cret@db/x',
        LOG_LEVEL: 'loud',
      }),
    );
    expect(message).toContain("NODE_ENV must be one of development, test, production (got 'prod')");
    expect(message).toContain("PORT must be an integer between 1 and 65535 (got '70000')");
    expect(message).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL (got 'mysql://root:***@db/x')");
    expect(message).toContain("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')");
    expect(message).not.toContain('s3cret');
  });

  it('reports a non-numeric PORT', () => {
    expect(problemsOf(() => loadConfig(RegistryConfig, { PORT: 'http' }, DEFAULTS))).toBe(
      "Invalid configuration: PORT must be an integer between 1 and 65535 (got 'http')",
    );
  });
});

describe('PlatformConfigModule', () => {
  it('provides the instance under its own class and under ServiceConfig', async () => {
    const config = loadConfig(RegistryConfig, {}, DEFAULTS);
    const moduleRef = await Test.createTestingModule({ imports: [PlatformConfigModule.forRoot(config)] }).compile();
    expect(moduleRef.get(RegistryConfig)).toBe(config);
    expect(moduleRef.get(ServiceConfig)).toBe(config);
  });
});
