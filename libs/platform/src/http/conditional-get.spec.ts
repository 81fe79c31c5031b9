import { isFresh } from './conditional-get';

const request = (headers: Record<string, string>) => ({ headers });

describe('isFresh', () => {
  it('is fresh when If-None-Match names the ETag, weakly compared, or is *', () => {
    expect(isFresh(request({ 'if-none-match': '"3"' }), '"3"')).toBe(true);
    expect(isFresh(request({ 'if-none-match': 'W/"3"' }), '"3"')).toBe(true);
    expect(isFresh(request({ 'if-none-match': '"1", "3"' }), '"3"')).toBe(true);
    expect(isFresh(request({ 'if-none-match': '*' }), '"3"')).toBe(true);
  });

  it('is stale for another version, without the header, or when the client bypasses caches', () => {
    expect(isFresh(request({ 'if-none-match': '"2"' }), '"3"')).toBe(false);
    expect(isFresh(request({}), '"3"')).toBe(false);
    expect(isFresh(request({ 'if-none-match': '"3"', 'cache-control': 'no-cache' }), '"3"')).toBe(false);
  });
});
