import { Controller, Get } from '@nestjs/common';
import { startTestApp, type TestApp } from '../../test/start-test-app';

@Controller('widgets')
class WidgetsController {
  @Get()
  list(): string[] {
    return [];
  }
}

interface OpenApiDocument {
  info: { title: string };
  paths: Record<string, unknown>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  security: Record<string, string[]>[];
}

describe('OpenAPI', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp([WidgetsController]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('serves the document at /docs-json, titled for the service, with bearer auth', async () => {
    const response = await fetch(`${testApp.baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApiDocument;
    expect(document.info.title).toBe('Westgate test-service');
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/widgets', '/health/live', '/health/ready']));
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('serves the UI at /docs without a token', async () => {
    const response = await fetch(`${testApp.baseUrl}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});
