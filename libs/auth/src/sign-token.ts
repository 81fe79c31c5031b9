import { sign, type SignOptions } from 'jsonwebtoken';
import { claimsToUser, type TokenClaims } from './token-claims';

export interface SignTokenOptions {
  /** Seconds, or a timespan such as `'1h'`; negative values mint already-expired tokens for tests. */
  expiresIn: NonNullable<SignOptions['expiresIn']>;
}

/** Mints an HS256 token (the token CLI and tests); refuses claims that `verifyToken` would refuse. */
export function signToken(claims: TokenClaims, secret: string, options: SignTokenOptions): string {
  const checked = claimsToUser({ ...claims });
  if (typeof checked === 'string') throw new Error(`Cannot sign token: ${checked}`);
  return sign({ ...claims }, secret, { algorithm: 'HS256', expiresIn: options.expiresIn });
}
