import { createHash } from 'node:crypto';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, hashes); long enough for any of those. */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function isAcceptableKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * What "the same request" means: same method, same path and query, same JSON body. The body is
 * compared as JSON, not as text: the order of an object's keys and the white space do not count.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n`)
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}

/** JSON with every object's keys in sorted order (arrays keep theirs), so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The same for a body that is streamed, not parsed: its bytes are added as they are read. */
export function streamedRequestFingerprint(method: string, url: string): { add(chunk: Buffer): void; digest(): string } {
  const hash = createHash('sha256').update(`${method} ${url}\n`);
  let digest: string | undefined;
  return {
    add: (chunk) => void hash.update(chunk),
    digest: () => (digest ??= hash.digest('hex')),
  };
}

/** Response headers worth replaying with the remembered body. */
export const REPLAYED_HEADERS = ['location', 'etag', 'content-type'] as const;
