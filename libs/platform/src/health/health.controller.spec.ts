import { Controller, Get, Injectable, type OnModuleInit } from '@nestjs/common';
import { startTestApp, type TestApp } from '../../test/start-test-app';
import type { ProblemDetails } from '../errors/problem-details';
import { ReadinessRegistry } from './readiness.registry';

@Controller('noop')
class NoopController {
  @Get()
  noop(): string {
    return 'noop';
  }
}

describe('health endpoints', () => {
  describe('when every check passes', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await startTestApp([NoopController], {
        readinessChecks: [{ name: 'database', check: () => Promise.resolve() }],
      });
    });

    afterAll(async () => {
      await testApp.close();
    });

    it('answers /health/live with 200, without a token and outside /api/v1', async () => {
      const response = await fetch(`${testApp.baseUrl}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`${testApp.baseUrl}/api/v1/health/live`)).status).toBe(404);
    });

    it('answers /health/ready with 200 and the checks', async () => {
      const response = await fetch(`${testApp.baseUrl}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    });
  });

  describe('when a check fails', () => {
    let testApp: TestApp;

    @Injectable()
    class ConsumersProbe implements OnModuleInit {
      constructor(private readonly readiness: ReadinessRegistry) {}

      onModuleInit(): void {
        // A module that owns a dependency registers its check itself.
        this.readiness.add({ name: 'consumers', check: () => new Promise(() => undefined), timeoutMs: 50 });
      }
    }

    @Controller('probe')
    class ProbeController {
      constructor(readonly probe: ConsumersProbe) {}
    }

    beforeAll(async () => {
      testApp = await startTestApp([NoopController], {
        readinessChecks: [
          { name: 'database', check: () => Promise.resolve() },
          { name: 'kafka', check: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:9092')) },
        ],
        appModule: () => ({ module: class ProbeModule {}, controllers: [ProbeController], providers: [ConsumersProbe] }),
      });
    });

    afterAll(async () => {
      await testApp.close();
    });

    it('answers /health/ready with a 503 problem naming the failed checks, and nothing more', async () => {
      const response = await fetch(`${testApp.baseUrl}/health/ready`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as ProblemDetails;
      expect(problem).toMatchObject({
        code: 'NOT_READY',
        status: 503,
        detail: 'Not ready: kafka, consumers',
        checks: { database: 'up', kafka: 'down', consumers: 'down' },
      });
      expect(JSON.stringify(problem)).not.toContain('10.0.0.7');
    });

    it('keeps /health/live up', async () => {
      expect((await fetch(`${testApp.baseUrl}/health/live`)).status).toBe(200);
    });
  });
});

describe('ReadinessRegistry', () => {
  it('refuses two checks of the same name', () => {
    const registry = new ReadinessRegistry();
    registry.add({ name: 'kafka', check: () => Promise.resolve() });
    expect(() => registry.add({ name: 'kafka', check: () => Promise.resolve() })).toThrow(/already registered/);
  });
});
