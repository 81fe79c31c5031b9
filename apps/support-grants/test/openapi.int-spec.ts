import { fetchOpenApiDocument, resolveSchema, responseSchema as schemaOf, undocumentedResponses, type OpenApiDocument, type OpenApiSchema } from '@westgate/testing';
import { GrantsFixture } from './grants-fixture';

describe('support-grants: OpenAPI document', () => {
  let fx: GrantsFixture;
  let document: OpenApiDocument;

  const resolve = (schema: OpenApiSchema | undefined) => resolveSchema(document, schema);
  const responseSchema = (path: string, method: string, status: string) => schemaOf(document, path, method, status);

  beforeAll(async () => {
    fx = await GrantsFixture.start();
    document = await fetchOpenApiDocument(fx.service.baseUrl);
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('documents a 2xx response with a JSON schema (or 204) for every /api/v1 operation', () => {
    const { operations, problems } = undocumentedResponses(document);
    expect(operations).toBeGreaterThanOrEqual(18);
    expect(problems).toEqual([]);
  });

  it('describes the application with its status, amounts and version', () => {
    const application = responseSchema('/api/v1/applications/{id}', 'get', '200');
    expect(Object.keys(application.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'programmeId', 'enterpriseId', 'status', 'requestedAmount', 'approvedAmount', 'disbursedAmount', 'submittedBy', 'version']),
    );
    expect(application.properties?.['status']?.enum).toEqual(expect.arrayContaining(['DRAFT', 'SUBMITTED', 'APPROVED', 'DISBURSED', 'WITHDRAWN']));
    expect(application.properties?.['disbursedAmount']).toMatchObject({ type: 'string', example: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(application.properties?.['approvedAmount']?.nullable).toBe(true);
    expect(responseSchema('/api/v1/applications', 'post', '201')).toBe(application);
    expect(responseSchema('/api/v1/applications/{id}/approve', 'post', '200')).toBe(application);
  });

  it('describes pages as { items, nextCursor }, the timeline and the programme budget', () => {
    const page = responseSchema('/api/v1/me/applications', 'get', '200');
    expect(resolve(page.properties?.['items']?.items)).toBe(responseSchema('/api/v1/applications/{id}', 'get', '200'));
    expect(page.properties?.['nextCursor']).toMatchObject({ type: 'string', nullable: true });

    const entry = resolve(responseSchema('/api/v1/applications/{id}/timeline', 'get', '200').properties?.['items']?.items);
    expect(Object.keys(entry.properties ?? {})).toEqual(expect.arrayContaining(['at', 'actor', 'role', 'from', 'to', 'comment']));
    expect(entry.properties?.['from']?.nullable).toBe(true);

    const programme = responseSchema('/api/v1/programmes/{id}', 'get', '200');
    const budget = resolve(programme.properties?.['budget']);
    expect(Object.keys(budget.properties ?? {})).toEqual(expect.arrayContaining(['total', 'reserved', 'disbursed', 'available']));
  });
});
