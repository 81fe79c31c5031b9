/** Lists: `?limit=` default 50, at most 500 (API.md), as every service's. */
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@westgate/platform';

/**
 * The inbox pages newest first by insertion order (`seq`); the cursor is the last seq seen,
 * opaque to clients (base64url), so it can change form later without breaking them.
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`n:${seq}`, 'utf8').toString('base64url');
}

/** The seq in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return undefined;
  const match = /^n:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return undefined;
  return BigInt(match[1]) <= 9_223_372_036_854_775_807n ? match[1] : undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows fetched with `limit + 1`: the extra one only tells that there is a next page. */
export function toPage<R extends { seq: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { items: items.map(map), nextCursor: hasMore && items.length > 0 ? encodeCursor(items[items.length - 1].seq) : null };
}
