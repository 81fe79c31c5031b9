import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '@westgate/auth';
import { startTestApp, type TestApp } from '../../test/start-test-app';

@Controller('items')
class ItemsController {
  @Public()
  @Get(':id')
  one(@Param('id') id: string): { id: string } {
    return { id };
  }
}

describe('GET /metrics', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp([ItemsController]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('serves Prometheus text without a token, outside /api/v1', async () => {
    const response = await fetch(`${testApp.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^westgate_process_cpu_user_seconds_total\{service="test-service"\} /m);
    expect(text).toContain('westgate_nodejs_eventloop_lag_seconds');
  });

  it('times requests by route pattern, not raw URL, and counts unmatched ones under one label', async () => {
    await fetch(`${testApp.baseUrl}/api/v1/items/a-1`);
    await fetch(`${testApp.baseUrl}/api/v1/items/b-2`);
    await fetch(`${testApp.baseUrl}/api/v1/no/such/${Date.now()}`);
    const text = await (await fetch(`${testApp.baseUrl}/metrics`)).text();
    expect(text).toContain('# TYPE westgate_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /^westgate_http_request_duration_seconds_count\{service="test-service",method="GET",route="\/api\/v1\/items\/:id",status="200"\} 2$/m,
    );
    expect(text).toMatch(/route="\(unmatched\)",status="404"/);
    expect(text).not.toMatch(/a-1|b-2/);
  });
});
