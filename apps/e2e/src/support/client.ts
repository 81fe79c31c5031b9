import { DEV_JWT_SECRET, signToken, type Role } from '@westgate/auth';
import { http, pollUntil, type HttpResult } from '@westgate/testing';

/** A caller of the stack: signs its own token with the secret the stack runs with. */
export function caller(roles: Role[], sub: string, enterpriseId?: string): string {
  return signToken({ sub, name: sub, roles, ...(enterpriseId ? { enterprise_id: enterpriseId } : {}) }, process.env.AUTH_JWT_SECRET ?? DEV_JWT_SECRET, {
    expiresIn: '1h',
  });
}

/** One request to a service of the stack (the testing library's client, with positional arguments). */
export function call(base: string, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return http(base, method, path, { token, body, headers });
}

/** Polls until `probe` returns a value, or fails after the deadline naming what it waited for. */
export function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  return pollUntil(probe, { timeoutMs, intervalMs: 100, description: what });
}
