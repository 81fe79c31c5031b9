/** The development signing secret of API.md; refused in production. */
export const DEV_JWT_SECRET = 'westgate-dev-secret';

/** HS256 keys shorter than the 256-bit hash are guessable; production needs at least this. */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * Why this secret cannot be used in this environment, or `undefined` when it can. Returns the
 * reason rather than throwing so that configuration validation can list it with the others.
 */
export function jwtSecretProblem(secret: string, nodeEnv: string | undefined): string | undefined {
  if (nodeEnv !== 'production') return undefined;
  if (secret === DEV_JWT_SECRET) {
    return `AUTH_JWT_SECRET must be set in production (the development default '${DEV_JWT_SECRET}' is refused)`;
  }
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    return `AUTH_JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production (got ${secret.length})`;
  }
  return undefined;
}

/** `AUTH_JWT_SECRET`, else the development default; throws where `jwtSecretProblem` objects. */
export function resolveJwtSecret(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env['AUTH_JWT_SECRET'];
  const secret = configured !== undefined && configured.trim() !== '' ? configured : DEV_JWT_SECRET;
  const problem = jwtSecretProblem(secret, env['NODE_ENV']);
  if (problem !== undefined) throw new Error(problem);
  return secret;
}
