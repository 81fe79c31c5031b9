import { decodeCursor, encodeCursor, toPage } from './inbox.rules';

describe('inbox cursor', () => {
  it('round-trips a seq and refuses anything else', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
    expect(decodeCursor('not-ours')).toBeUndefined();
    expect(decodeCursor(Buffer.from('n:-1').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('n:99999999999999999999').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('n:9223372036854775808').toString('base64url'))).toBeUndefined();
  });

  it('pages with one extra row telling whether there is more', () => {
    const rows = [{ seq: '5' }, { seq: '4' }, { seq: '3' }];
    expect(toPage(rows, 2, (r) => r.seq)).toEqual({ items: ['5', '4'], nextCursor: encodeCursor('4') });
    expect(toPage(rows, 3, (r) => r.seq)).toEqual({ items: ['5', '4', '3'], nextCursor: null });
  });
});
