/**
 * Response bodies in tests are arbitrary JSON that assertions then inspect field by field;
 * `expect` is the type check here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

/** A small JSON-over-HTTP client for tests: the response's status, headers and parsed body. */
export interface HttpResult<T = JsonBody> {
  status: number;
  headers: Headers;
  body: T;
}

export async function http<T = JsonBody>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
