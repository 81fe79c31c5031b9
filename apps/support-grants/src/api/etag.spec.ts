import { assertIfMatch, etagFor } from './etag';
import { decodeCursor, encodeCursor, toPage } from './page';

describe('If-Match', () => {
  it('accepts no header, *, and the current version in any usual spelling', () => {
    for (const header of [undefined, '*', '"3"', 'W/"3"', '3', '"2", "3"']) expect(() => assertIfMatch(header, 3)).not.toThrow();
    expect(etagFor(3)).toBe('"3"');
  });

  it('refuses another version with 412', () => {
    expect(() => assertIfMatch('"2"', 3)).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
  });
});

describe('cursor', () => {
  it('round-trips and refuses foreign cursors', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor('bm9wZQ')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('a page of limit + 1 rows has a next cursor at its last item', () => {
    const rows = [{ seq: '1' }, { seq: '2' }, { seq: '3' }];
    expect(toPage(rows, 2, (r) => r.seq)).toEqual({ items: ['1', '2'], nextCursor: encodeCursor('2') });
    expect(toPage(rows, 3, (r) => r.seq)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
  });
});
