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

/**
 * Verifies an HS256 token and returns its user. Throws `InvalidTokenError` for anything else:
 * another algorithm (including `none`), a bad signature, no `exp` or an expired one, or claims
 * that do not have the shapes of API.md.
 */
export function verifyToken(token: string, secret: string): AuthUser {
  let payload: string | JwtPayload;
  try {
    // Pinning the algorithm list is what refuses `alg: none` and algorithm-confusion tokens.
    payload = verify(token, secretKey(secret), { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
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
  return user;
}
