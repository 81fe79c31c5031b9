import { createSecretKey, type KeyObject } from 'node:crypto';
import { JsonWebTokenError, TokenExpiredError, verify, type JwtPayload } from 'jsonwebtoken';
import type { AuthUser } from './auth-user';
import { InvalidTokenError } from './invalid-token.error';
import { claimsToUser } from './token-claims';

// Given a string, jsonwebtoken first tries it as a PEM public key and catches the failure, on
// every call: that throw cost a fifth of a service's CPU under load. A ready KeyObject skips it.
let cachedKey: { secret: string; key: KeyObject } | undefined;

function secretKey(secret: string): KeyObject {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createSecretKey(Buffer.from(secret, 'utf8')) };
  return cachedKey.key;
}

/** Clock skew tolerated between the token issuer and this service, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5;

// A client sends the same token with every request until it expires: once its signature and
// claims have been checked, the answer stays the same until `exp`. Bounded, oldest out first.
const VERIFIED_CAPACITY = 10_000;
const verified = new Map<string, { user: AuthUser; expiresAtMs: number; key: KeyObject }>();

function remember(token: string, user: AuthUser, exp: number, key: KeyObject): void {
  if (verified.size >= VERIFIED_CAPACITY) verified.delete(verified.keys().next().value as string);
  verified.set(token, { user, expiresAtMs: (exp + CLOCK_TOLERANCE_SECONDS) * 1000, key });
}

/**
 * Verifies an HS256 token and returns its user. Throws `InvalidTokenError` for anything else:
 * another algorithm (including `none`), a bad signature, no `exp` or an expired one, or claims
 * that do not have the shapes of API.md.
 */
export function verifyToken(token: string, secret: string): AuthUser {
  const key = secretKey(secret);
  const known = verified.get(token);
  if (known && known.key === key) {
    if (Date.now() < known.expiresAtMs) return known.user;
    verified.delete(token);
  }
  let payload: string | JwtPayload;
  try {
    // Pinning the algorithm list is what refuses `alg: none` and algorithm-confusion tokens.
    payload = verify(token, key, { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
  } catch (error) {
    if (error instanceof TokenExpiredError) throw new InvalidTokenError('expired', 'token expired');
    if (error instanceof JsonWebTokenError) throw new InvalidTokenError('invalid', `invalid token: ${error.message}`);
    throw error;
  }
  if (typeof payload === 'string') throw new InvalidTokenError('invalid', 'invalid token: payload is not a JSON object');
  // jsonwebtoken accepts tokens without `exp`; ours never live forever.
  if (typeof payload.exp !== 'number') throw new InvalidTokenError('invalid', 'invalid token: exp is required');
  const user = claimsToUser(payload);
  if (typeof user === 'string') throw new InvalidTokenError('invalid', `invalid token: ${user}`);
  remember(token, user, payload.exp, key);
  return user;
}
