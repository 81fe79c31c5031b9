import { startTestService, type TestService } from '@westgate/platform';
import { http, pollUntil, tokenFor } from '@westgate/testing';
import { statisticsService } from '../../src/trade-statistics.definition';

export const officer = tokenFor({ roles: ['officer'], sub: 'officer-1' });
export const analyst = tokenFor({ roles: ['analyst'], sub: 'analyst-1' });
export const admin = tokenFor({ roles: ['admin'], sub: 'admin-1' });

/** The service on a throw-away database and Kafka namespace, ready (consumers joined). */
export async function startStatistics(options: { namespace?: string; env?: Record<string, string>; waitReady?: boolean } = {}): Promise<TestService> {
  const service = await startTestService(statisticsService, {
    namespace: options.namespace,
    env: { PERIOD_AUTO_CLOSE_CHECK_SECONDS: '0', INGEST_CONCURRENCY: '2', ...options.env },
  });
  if (options.waitReady === false) return service;
  await pollUntil(async () => (await fetch(`${service.baseUrl}/health/ready`)).status === 200, {
    timeoutMs: 60_000,
    description: 'trade-statistics to be ready',
  });
  return service;
}

export async function summary(service: TestService, query: Record<string, string>) {
  const response = await http(service.baseUrl, 'GET', `/api/v1/stats/summary?${new URLSearchParams(query).toString()}`, { token: analyst });
  if (response.status !== 200) throw new Error(`summary answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { rows: Array<{ key: string; valueUsd: string; declarations: number; share: number; yoyGrowth: number | null }>; totalValueUsd: string; totalDeclarations: number };
}

/** Waits until the service has counted exactly `declarations` declarations over the months. */
export async function waitForTotal(service: TestService, from: string, to: string, declarations: number, timeoutMs = 60_000): Promise<void> {
  await pollUntil(async () => (await summary(service, { from, to, groupBy: 'period' })).totalDeclarations === declarations, {
    timeoutMs,
    intervalMs: 200,
    description: `${declarations} declarations to be counted`,
  });
}
