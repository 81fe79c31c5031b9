/** Just enough of an OpenAPI 3 document to check what a service says it answers. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  required?: string[];
  nullable?: boolean;
  enum?: unknown[];
  example?: unknown;
}

interface OpenApiOperation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: OpenApiSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** A service's `/docs-json`. */
export async function fetchOpenApiDocument(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (!response.ok) throw new Error(`/docs-json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

/** The schema a `$ref` points to (or the schema itself). */
export function resolveSchema(document: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema {
  if (schema?.$ref === undefined) return schema ?? {};
  const target = document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  if (target === undefined) throw new Error(`unresolved ${schema.$ref}`);
  return target;
}

/** The resolved application/json schema of one response. */
export function responseSchema(document: OpenApiDocument, path: string, method: string, status: string): OpenApiSchema {
  return resolveSchema(document, document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema);
}

/**
 * Every operation under `prefix`, and what is missing from their documented answers: each needs a
 * 2xx response, and each 2xx with a body (all but 204) an application/json object or array schema.
 */
export function undocumentedResponses(document: OpenApiDocument, prefix = '/api/v1/'): { operations: number; problems: string[] } {
  const operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, item]) => METHODS.filter((method) => item[method] !== undefined).map((method) => ({ path, method, operation: item[method] })));
  const problems: string[] = [];
  for (const { path, method, operation } of operations) {
    const success = Object.entries(operation?.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
    if (success.length === 0) problems.push(`${method.toUpperCase()} ${path}: no 2xx response`);
    for (const [status, response] of success) {
      if (status === '204') continue;
      const schema = response.content?.['application/json']?.schema;
      const documented = schema !== undefined && (schema.$ref !== undefined || schema.type === 'object' || schema.type === 'array');
      if (!documented) problems.push(`${method.toUpperCase()} ${path} ${status}: no application/json schema`);
    }
  }
  return { operations: operations.length, problems };
}
