import { IsOptional, validateSync } from 'class-validator';
import { IsCleanText, IsContactEmail, isStorableText } from './text-validators';

class Probe {
  @IsOptional()
  @IsCleanText()
  name?: unknown;

  @IsOptional()
  @IsCleanText({ multiline: true })
  note?: unknown;

  @IsOptional()
  @IsContactEmail()
  email?: unknown;
}

function fieldsFailing(values: Partial<Probe>): string[] {
  return validateSync(Object.assign(new Probe(), values)).map((error) => error.property);
}

describe('text validators', () => {
  it('accept ordinary text, in any script', () => {
    expect(fieldsFailing({ name: 'Khorgos Trading 霍尔果斯', note: 'line one\n\tline two', email: 'trade@example.cn' })).toEqual([]);
  });

  it.each([['blank', '  '], ['NUL', 'a\u0000b'], ['escape', '\u001b[31m'], ['tab', 'a\tb'], ['lone surrogate', 'a\ud800b'], ['number', 42]])(
    'refuse %s in a single-line name',
    (_, name) => {
      expect(fieldsFailing({ name })).toEqual(['name']);
    },
  );

  it('refuse NUL and lone surrogates in multi-line text', () => {
    expect(fieldsFailing({ note: 'a\u0000' })).toEqual(['note']);
    expect(fieldsFailing({ note: '\udc00' })).toEqual(['note']);
  });

  it('refuse a lone surrogate in an e-mail address instead of throwing', () => {
    expect(fieldsFailing({ email: '\ud800' })).toEqual(['email']);
    expect(fieldsFailing({ email: 'a\ud800@b.cn' })).toEqual(['email']);
    expect(fieldsFailing({ email: 'not-an-email' })).toEqual(['email']);
  });
});

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
