import fc from 'fast-check';
import { decimalToBasisPoints, formatMoney, formatPercent, joinUrl, renderTemplate, templateVariables } from './template.rules';

describe('renderTemplate', () => {
  it('fills placeholders and keeps optional sections only with a value', () => {
    expect(renderTemplate('Hello {name}.{?note} Note: {note}.{/note}', { name: 'Ann', note: 'hi' })).toBe('Hello Ann. Note: hi.');
    expect(renderTemplate('Hello {name}.{?note} Note: {note}.{/note}', { name: 'Ann', note: '' })).toBe('Hello Ann.');
    expect(renderTemplate('Hello {name}.{?note} Note: {note}.{/note}', { name: 'Ann' })).toBe('Hello Ann.');
  });

  it('refuses a placeholder without a value rather than sending "{amount}"', () => {
    expect(() => renderTemplate('Pay {amount}', {})).toThrow('{amount}');
  });

  it('does not interpret braces inside values', () => {
    expect(renderTemplate('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('{a} {?b}{c}{/b}').sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals, per language', () => {
    expect(formatMoney('1500000', 'CNY', 'en')).toBe('CNY 1,500,000.00');
    expect(formatMoney('1500000.5', 'CNY', 'zh-CN')).toBe('¥1,500,000.50');
    expect(formatMoney('999.99', 'USD', 'en')).toBe('USD 999.99');
    expect(formatMoney('1234567890123.45', 'USD', 'zh-CN')).toBe('US$1,234,567,890,123.45');
    expect(formatMoney('0', 'CNY', 'en')).toBe('CNY 0.00');
    expect(formatMoney('-3.2', 'CNY', 'en')).toBe('-CNY 3.20');
  });

  it('is exact for any amount (no floating point)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (minor) => {
        const amount = `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
        const formatted = formatMoney(amount, 'CNY', 'en');
        expect(formatted.replace(/^CNY /, '').replace(/,/g, '')).toBe(amount);
      }),
    );
  });

  it('refuses what is not money', () => {
    expect(() => formatMoney('1e6', 'CNY', 'en')).toThrow();
  });
});

describe('percentages', () => {
  it('reads decimal ratios exactly', () => {
    expect(decimalToBasisPoints('-0.3500')).toBe(-3500n);
    expect(decimalToBasisPoints('0.215')).toBe(2150n);
    expect(decimalToBasisPoints('1.5')).toBe(15000n);
    expect(decimalToBasisPoints('0.00005')).toBe(1n);
    expect(() => decimalToBasisPoints('abc')).toThrow();
  });

  it('prints at most one decimal', () => {
    expect(formatPercent(1000n)).toBe('10%');
    expect(formatPercent(450n)).toBe('4.5%');
    expect(formatPercent(-3500n)).toBe('-35%');
    expect(formatPercent(2154n)).toBe('21.5%');
    expect(formatPercent(2155n)).toBe('21.6%');
    expect(formatPercent(-4n)).toBe('0%');
  });
});

describe('joinUrl', () => {
  it('joins without doubled or missing slashes', () => {
    expect(joinUrl('https://a.example/', '/x/1')).toBe('https://a.example/x/1');
    expect(joinUrl('https://a.example/app', 'x/1')).toBe('https://a.example/app/x/1');
  });
});
