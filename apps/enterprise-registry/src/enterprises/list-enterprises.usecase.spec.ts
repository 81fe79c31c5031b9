import { containsPattern } from './list-enterprises.usecase';

describe('containsPattern', () => {
  it('wraps the text in wildcards', () => {
    expect(containsPattern('Tianshan')).toBe('%Tianshan%');
  });

  it('makes LIKE wildcards typed by the user literal', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
