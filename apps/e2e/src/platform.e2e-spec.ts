import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, STARTUP_FILE } from './support/stack';

const root = join(__dirname, '..', '..', '..');

describe('the stack as a user meets it', () => {
  it('comes up from cold with `npm start` in under 60 s', () => {
    const startup = JSON.parse(readFileSync(STARTUP_FILE, 'utf8')) as { external: boolean; readyInSeconds?: number };
    if (startup.external) return;
    expect(startup.readyInSeconds).toBeLessThan(60);
  });

  describe.each(Object.entries(SERVICES))('%s', (_name, url) => {
    it('answers the common endpoints without a token', async () => {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      const metrics = await fetch(`${url}/metrics`);
      expect(metrics.headers.get('content-type')).toContain('text/plain');
      expect(await metrics.text()).toContain('westgate_http_request_duration_seconds');
      expect((await fetch(`${url}/docs`)).status).toBe(200);
      const openapi = (await (await fetch(`${url}/docs-json`)).json()) as { openapi: string; info: { title: string } };
      expect(openapi.openapi).toMatch(/^3\./);
      expect(openapi.info.title).toMatch(/^Westgate /);
    });

    it('echoes the correlation id, and answers an unknown path with problem+json', async () => {
      const response = await fetch(`${url}/api/v1/no-such-thing`, { headers: { 'x-correlation-id': 'e2e-corr-1' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-correlation-id')).toBe('e2e-corr-1');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe('refuses bad configuration at boot, naming the variable', () => {
    const boot = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(root, 'dist', 'apps', 'enterprise-registry', 'src', 'main.js')], {
        env: { PATH: process.env.PATH ?? '', PORT: '3999', ...env },
        encoding: 'utf8',
        timeout: 20_000,
      });

    it.each([
      [{ DATABASE_URL: 'mysql://nope' }, 'DATABASE_URL'],
      [{ KAFKA_BROKERS: 'not a broker list' }, 'KAFKA_BROKERS'],
      [{ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET'],
      [{ PORT: '99999' }, 'PORT'],
    ])('%p → exits with 1 and names %s', (env, variable) => {
      const result = boot(env);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(variable);
      expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    });
  });
});
