import { resolveJwtSecret, signToken, type Role } from '@westgate/auth';
import { serviceUrl, type ServiceName } from '../stack/services';

/** What every seed step gets: where the services are, and tokens for the roles it acts as. */
export interface SeedContext {
  url: (service: ServiceName) => string;
  token: (role: Role, sub?: string, enterpriseId?: string) => string;
  log: (message: string) => void;
}

export function createSeedContext(): SeedContext {
  const secret = resolveJwtSecret(process.env);
  return {
    url: serviceUrl,
    token: (role, sub = `seed-${role}`, enterpriseId) =>
      signToken({ sub, name: `Seed ${role}`, roles: [role], ...(enterpriseId ? { enterprise_id: enterpriseId } : {}) }, secret, {
        expiresIn: '1h',
      }),
    log: (message) => console.log(`seed: ${message}`),
  };
}

/** JSON over HTTP for seed steps; throws with the problem body on an unexpected status. */
export async function call<T>(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  accept: number[] = [200, 201, 202, 204],
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : undefined) as T;
  if (!accept.includes(response.status)) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return { status: response.status, body: parsed };
}
