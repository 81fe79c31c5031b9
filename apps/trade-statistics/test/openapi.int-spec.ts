import type { TestService } from '@westgate/platform';
import { fetchOpenApiDocument, resolveSchema, responseSchema as schemaOf, undocumentedResponses, type OpenApiDocument, type OpenApiSchema } from '@westgate/testing';
import { startStatistics } from './support/statistics-service';

/**
 * The OpenAPI document describes what every operation answers, not only what it is sent: each
 * has a 2xx response, and each 2xx with a body has an application/json schema.
 */
describe('OpenAPI document', () => {
  let service: TestService;
  let document: OpenApiDocument;

  const resolve = (schema: OpenApiSchema | undefined) => resolveSchema(document, schema);
  const jsonSchemaOf = (path: string, method: string, status: string) => schemaOf(document, path, method, status);

  beforeAll(async () => {
    service = await startStatistics();
    document = await fetchOpenApiDocument(service.baseUrl);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('gives every /api/v1 operation a 2xx response, with a JSON schema unless it is a 204', () => {
    const { operations, problems } = undocumentedResponses(document);
    expect(operations).toBeGreaterThanOrEqual(8);
    expect(problems).toEqual([]);
  });

  it('documents the summary: rows with key, valueUsd, declarations, share and yoyGrowth, and totalValueUsd', () => {
    const summary = jsonSchemaOf('/api/v1/stats/summary', 'get', '200');
    expect(Object.keys(summary.properties ?? {})).toEqual(expect.arrayContaining(['rows', 'totalValueUsd']));
    expect(summary.properties?.['rows']?.type).toBe('array');
    const row = resolve(summary.properties?.['rows']?.items);
    expect(Object.keys(row.properties ?? {})).toEqual(expect.arrayContaining(['key', 'valueUsd', 'declarations', 'share', 'yoyGrowth']));
    expect(row.properties?.['yoyGrowth']).toMatchObject({ type: 'number', nullable: true });
    expect(row.properties?.['valueUsd']).toMatchObject({ type: 'string' });
  });

  it('documents an import: status, rowsRead, accepted, rejected', () => {
    const view = jsonSchemaOf('/api/v1/imports/{importId}', 'get', '200');
    expect(Object.keys(view.properties ?? {})).toEqual(expect.arrayContaining(['status', 'rowsRead', 'accepted', 'rejected']));
    expect(jsonSchemaOf('/api/v1/declarations/import', 'post', '202').properties).toHaveProperty('importId');
  });
});
