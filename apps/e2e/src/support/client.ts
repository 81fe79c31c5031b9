import { DEV_JWT_SECRET, signToken, type Role } from '@westgate/auth';

/** A caller of the stack: signs its own token with the development secret the stack runs with. */
export function caller(roles: Role[], sub: string, enterpriseId?: string): string {
  return signToken({ sub, name: sub, roles, ...(enterpriseId ? { enterprise_id: enterpriseId } : {}) }, process.env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET, {
    expiresIn: '1h',
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  // Assertions inspect response bodies field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(base: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Polls until `probe` returns a value (not undefined/false), or fails after the deadline. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
