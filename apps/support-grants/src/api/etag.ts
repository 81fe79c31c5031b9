import { ProblemException } from '@westgate/platform';

/** A resource's ETag is its version: strong, since the representation changes only with it. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * `If-Match` (RFC 9110 §13.1.1): `*`, or a list of entity tags of which one must be the current
 * one. Weak tags are compared weakly, which for a version number is the same thing.
 */
export function assertIfMatch(ifMatch: string | undefined, currentVersion: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = String(currentVersion);
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (!tags.includes(current)) {
    throw new ProblemException(412, 'PRECONDITION_FAILED', `If-Match ${ifMatch} does not match the current version ${etagFor(currentVersion)}`, {
      currentVersion,
    });
  }
}
