import { fetchOpenApiDocument, resolveSchema, responseSchema as schemaOf, undocumentedResponses, type OpenApiDocument, type OpenApiSchema } from '@westgate/testing';
import { startRegistry, type RegistryFixture } from './registry-fixture';

describe('enterprise-registry: OpenAPI document', () => {
  let fx: RegistryFixture;
  let document: OpenApiDocument;

  const resolve = (schema: OpenApiSchema | undefined) => resolveSchema(document, schema);
  const responseSchema = (path: string, method: string, status: string) => schemaOf(document, path, method, status);

  beforeAll(async () => {
    fx = await startRegistry();
    document = await fetchOpenApiDocument(fx.baseUrl);
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('documents a 2xx response with a JSON schema (or 204) for every /api/v1 operation', () => {
    const { operations, problems } = undocumentedResponses(document);
    expect(operations).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
  });

  it('describes the enterprise with its tier, designations and version', () => {
    const enterprise = responseSchema('/api/v1/enterprises/{id}', 'get', '200');
    expect(Object.keys(enterprise.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'uscc', 'name', 'region', 'sectors', 'contactEmail', 'status', 'tier', 'designations', 'version', 'createdAt', 'updatedAt']),
    );
    expect(enterprise.properties?.['tier']?.enum).toEqual(['BACKBONE', 'POTENTIAL', 'NONE']);
    expect(enterprise.properties?.['zoneCode']?.nullable).toBe(true);
    const designation = resolve(enterprise.properties?.['designations']?.items);
    expect(Object.keys(designation.properties ?? {})).toEqual(expect.arrayContaining(['cycle', 'tier', 'reason', 'designatedAt', 'designatedBy']));
    expect(responseSchema('/api/v1/enterprises', 'post', '201')).toBe(enterprise);
  });

  it('describes lists as { items, nextCursor } pages and the quota per tier', () => {
    const page = responseSchema('/api/v1/enterprises', 'get', '200');
    expect(page.type).toBe('object');
    expect(resolve(page.properties?.['items']?.items)).toBe(responseSchema('/api/v1/enterprises/{id}', 'get', '200'));
    expect(page.properties?.['nextCursor']).toMatchObject({ type: 'string', nullable: true });

    const history = resolve(responseSchema('/api/v1/enterprises/{id}/history', 'get', '200').properties?.['items']?.items);
    expect(Object.keys(history.properties ?? {})).toEqual(expect.arrayContaining(['at', 'action', 'actor', 'role', 'version', 'before', 'after']));

    const quota = responseSchema('/api/v1/designations/quota', 'get', '200');
    expect(Object.keys(quota.properties ?? {})).toEqual(expect.arrayContaining(['cycle', 'BACKBONE', 'POTENTIAL']));
    expect(Object.keys(resolve(quota.properties?.['BACKBONE']).properties ?? {})).toEqual(expect.arrayContaining(['used', 'limit']));

    expect(document.paths['/api/v1/enterprises/{id}/designations/{cycle}']?.['delete']?.responses?.['204']).toBeDefined();
  });
});
