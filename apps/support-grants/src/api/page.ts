import { ProblemException, type Page } from '@westgate/platform';

// `?limit=&cursor=`, `{ items, nextCursor }` and the page sizes are the platform's (PageQuery,
// Page, DEFAULT_PAGE_SIZE); what is this service's own is the cursor: a row sequence.
export { DEFAULT_PAGE_SIZE, PageQuery, type Page } from '@westgate/platform';

/**
 * Keyset pagination on the rows' insertion sequence: stable under concurrent inserts, and each
 * page is an index range scan whatever its depth. The cursor is the last row's sequence.
 */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s:(\d{1,18})$/.exec(decoded);
  if (!match) {
    throw new ProblemException(400, 'VALIDATION_FAILED', 'The cursor is not one this service issued', {
      errors: [{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }],
    });
  }
  return match[1];
}

/** Rows were fetched with `limit + 1`: the extra one says whether a next page exists. */
export function toPage<R extends { seq: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { items: items.map(map), nextCursor: hasMore ? encodeCursor(items[items.length - 1].seq) : null };
}
