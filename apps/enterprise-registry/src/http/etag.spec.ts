import { etagOf, ifMatchAllows } from './etag';

describe('If-Match', () => {
  it.each([
    ['"3"', 3, true],
    ['W/"3"', 3, true],
    ['3', 3, true],
    ['*', 7, true],
    ['"1", "3"', 3, true],
    ['"2"', 3, false],
    ['"03"', 3, false],
    ['', 3, false],
    ['"3', 3, false],
    ['garbage', 3, false],
  ])('%j against version %d → %s', (header, version, expected) => {
    expect(ifMatchAllows(header, version)).toBe(expected);
  });

  it('the ETag of a version is what If-Match accepts back', () => {
    expect(ifMatchAllows(etagOf(12), 12)).toBe(true);
  });
});
