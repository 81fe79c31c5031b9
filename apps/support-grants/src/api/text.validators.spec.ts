import { isStorableText } from './text.validators';

describe('isStorableText', () => {
  it('accepts text in any script, and line breaks and tabs in free text', () => {
    expect(isStorableText('Stand at the Asia-Europe Expo 亚欧博览会 🇰🇿')).toBe(true);
    expect(isStorableText('line one\r\n\tline two', true)).toBe(true);
    expect(isStorableText('')).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b', true],
    ['escape', '\u001b[31m', true],
    ['DEL', 'a\u007f', true],
    ['line break in a single line', 'a\nb', false],
    ['lone high surrogate', 'a\ud800b', true],
    ['lone low surrogate', '\udc00', true],
  ])('refuses %s', (_, value, multiline) => {
    expect(isStorableText(value, multiline)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isStorableText(42)).toBe(false);
    expect(isStorableText(null, true)).toBe(false);
  });
});
