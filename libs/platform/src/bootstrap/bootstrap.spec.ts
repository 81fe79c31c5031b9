import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '@westgate/auth';
import { IsString } from 'class-validator';
import { createServer } from 'node:net';
import { ServiceConfig } from '../config/service-config';
import { bootstrap } from './bootstrap';

class PingConfig extends ServiceConfig {
  @IsString()
  readonly GREETING: string = 'hello';
}

@Controller('ping')
class PingController {
  constructor(private readonly config: PingConfig) {}

  @Public()
  @Get()
  ping(): { greeting: string } {
    return { greeting: this.config.GREETING };
  }
}

class ExitCalled extends Error {}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const options = {
  serviceName: 'ping',
  config: PingConfig,
  defaults: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_ping' },
  appModule: () => ({ module: class PingModule {}, controllers: [PingController] }),
};

describe('bootstrap', () => {
  afterEach(() => jest.restoreAllMocks());

  it('prints the configuration problems, without a stack, and exits with 1', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new ExitCalled();
    });
    await expect(bootstrap({ ...options, defaults: {}, env: { PORT: '3001', KAFKA_BROKERS: 'nope' } })).rejects.toBeInstanceOf(
      ExitCalled,
    );
    expect(exit).toHaveBeenCalledWith(1);
    const written = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written).toBe(
      'ping cannot start: Invalid configuration: DATABASE_URL is required (a postgres:// or postgresql:// URL); ' +
        "KAFKA_BROKERS must be a comma-separated list of host:port (got 'nope')\n",
    );
  });

  it('starts the service on PORT at HOST, after beforeListen, with its config injectable', async () => {
    const port = await freePort();
    const beforeListen = jest.fn((app: NestFastifyApplication, config: PingConfig) => {
      expect(app.getHttpServer().listening).toBe(false);
      expect(config.PORT).toBe(port);
      return Promise.resolve();
    });
    const signalListeners = process.listenerCount('SIGTERM');
    const app = await bootstrap({
      ...options,
      beforeListen,
      env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', GREETING: 'salam' },
    });
    try {
      expect(beforeListen).toHaveBeenCalledTimes(1);
      expect(process.listenerCount('SIGTERM')).toBe(signalListeners + 1);
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/ping`);
      expect(await response.json()).toEqual({ greeting: 'salam' });
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
    }
    expect(process.listenerCount('SIGTERM')).toBe(signalListeners);
  });
});
