import fc from 'fast-check';
import { isMoneyString, Money } from './money';
import { CurrencyMismatchError, InvalidMoneyError } from './money.errors';
import { DomainValidationError } from '../domain-validation.error';

const cny = (value: string): Money => Money.parse(value, 'CNY');

/** Minor units of any amount `Money.parse` accepts: at most 16 digits before the point. */
const minorUnits = fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n });
const money = minorUnits.map((units) => Money.fromMinor(units, 'CNY'));

describe('Money', () => {
  describe('parse', () => {
    it.each([
      ['1500000', '1500000.00', 150000000n],
      ['1500000.5', '1500000.50', 150000050n],
      ['1500000.50', '1500000.50', 150000050n],
      ['0', '0.00', 0n],
      ['0.01', '0.01', 1n],
      ['-3.2', '-3.20', -320n],
      ['-0.05', '-0.05', -5n],
      ['-0', '0.00', 0n],
      ['9999999999999999.99', '9999999999999999.99', 999999999999999999n],
    ])('reads %s as %s', (input, printed, minor) => {
      const amount = cny(input);
      expect(amount.toString()).toBe(printed);
      expect(amount.minorUnits).toBe(minor);
      expect(amount.currency).toBe('CNY');
    });

    it.each([
      ['1.005', 'more than 2 decimals'],
      ['1e6', 'exponent'],
      ['1E6', 'exponent'],
      ['+1', 'plus sign'],
      ['--1', 'double sign'],
      ['1-', 'trailing sign'],
      [' 1', 'leading space'],
      ['1 ', 'trailing space'],
      ['1 000', 'inner space'],
      ['1,000.00', 'thousands separator'],
      ['1000,50', 'decimal comma'],
      ['', 'empty'],
      ['-', 'sign only'],
      ['.5', 'no integer part'],
      ['1.', 'no decimals after the point'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['0x10', 'hexadecimal'],
      ['１２', 'full-width digits'],
      ['12345678901234567', 'more than 16 digits before the point'],
    ])('rejects %j (%s) with InvalidMoneyError', (input) => {
      expect(() => cny(input)).toThrow(InvalidMoneyError);
      expect(() => cny(input)).toThrow('is not a decimal amount');
    });

    it.each([[1500000], [0.1], [Number.NaN], [10n], [null], [undefined], [{}]])('rejects the non-string %p, naming its type', (input) => {
      expect(() => Money.parse(input, 'CNY')).toThrow(`must be a decimal string such as "1500000.00" (got ${typeof input})`);
    });

    it('rejects an unknown currency', () => {
      expect(() => Money.parse('1', 'EUR' as never)).toThrow(InvalidMoneyError);
    });

    it('errors carry a machine-readable code and are domain validation errors', () => {
      try {
        cny('1.005');
        throw new Error('expected parse to throw');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainValidationError);
        expect((error as InvalidMoneyError).code).toBe('INVALID_MONEY');
        expect((error as InvalidMoneyError).name).toBe('InvalidMoneyError');
      }
    });
  });

  describe('arithmetic', () => {
    it('is exact where floating point is not: 0.10 + 0.20 = 0.30', () => {
      expect(cny('0.10').add(cny('0.20')).toString()).toBe('0.30');
      expect(cny('0.30').subtract(cny('0.10')).toString()).toBe('0.20');
    });

    it('keeps cents on sums beyond 2^53 minor units', () => {
      expect(cny('9007199254740.99').add(cny('0.02')).toString()).toBe('9007199254741.01');
    });

    it('sums a list, and an empty list to zero in the given currency', () => {
      expect(Money.sum([cny('1.10'), cny('2.20'), cny('-0.30')], 'CNY').toString()).toBe('3.00');
      const empty = Money.sum([], 'USD');
      expect(empty.toString()).toBe('0.00');
      expect(empty.currency).toBe('USD');
    });

    it('refuses to mix currencies', () => {
      const usd = Money.parse('1.00', 'USD');
      expect(() => cny('1.00').add(usd)).toThrow(CurrencyMismatchError);
      expect(() => cny('1.00').compare(usd)).toThrow('cannot combine CNY with USD amounts');
      expect(() => Money.sum([usd], 'CNY')).toThrow(CurrencyMismatchError);
      expect(cny('1.00').equals(usd)).toBe(false);
    });

    it('compares, and sorts with compare as comparator', () => {
      const amounts = ['10.00', '-1.00', '2.50', '2.05'].map(cny);
      expect(amounts.sort((a, b) => a.compare(b)).map(String)).toEqual(['-1.00', '2.05', '2.50', '10.00']);
    });

    it('answers sign questions', () => {
      expect(cny('0').isZero()).toBe(true);
      expect(cny('-0.01').isNegative()).toBe(true);
      expect(cny('0.01').isPositive()).toBe(true);
      expect(cny('0.00').isPositive()).toBe(false);
      expect(cny('5.00').negate().toString()).toBe('-5.00');
    });

    it('builds from minor units', () => {
      expect(Money.fromMinor(150000000n, 'USD').toString()).toBe('1500000.00');
      expect(Money.fromMinor(-7n, 'USD').toString()).toBe('-0.07');
      expect(() => Money.fromMinor(7 as never, 'USD')).toThrow(InvalidMoneyError);
    });

    it('serialises to JSON as the API decimal string', () => {
      expect(JSON.stringify({ amount: cny('12.3') })).toBe('{"amount":"12.30"}');
    });
  });

  describe('properties', () => {
    it('toString always has exactly two decimals and parses back to the same amount', () => {
      fc.assert(
        fc.property(money, (amount) => {
          const printed = amount.toString();
          expect(printed).toMatch(/^-?\d+\.\d{2}$/);
          expect(Money.parse(printed, 'CNY').equals(amount)).toBe(true);
        }),
      );
    });

    it('parsing any well-formed decimal string gives integer-exact minor units', () => {
      const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 16 });
      const decimals = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 2 });
      fc.assert(
        fc.property(fc.boolean(), digits, decimals, (negative, whole, fraction) => {
          const input = `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
          const expected = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
          expect(cny(input).minorUnits).toBe(negative ? -expected : expected);
        }),
      );
    });

    it('subtract undoes add, and add is commutative and associative', () => {
      fc.assert(
        fc.property(money, money, money, (a, b, c) => {
          expect(a.add(b).subtract(b).equals(a)).toBe(true);
          expect(a.add(b).equals(b.add(a))).toBe(true);
          expect(a.add(b).add(c).equals(a.add(b.add(c)))).toBe(true);
        }),
      );
    });

    it('adding cent amounts matches integer arithmetic, never floating point drift', () => {
      const cents = fc.integer({ min: 0, max: 99_999_999 });
      const format = (n: number): string => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
      fc.assert(
        fc.property(cents, cents, (a, b) => {
          expect(cny(format(a)).add(cny(format(b))).toString()).toBe(format(a + b));
        }),
      );
    });

    it('compare agrees with the order of minor units', () => {
      fc.assert(
        fc.property(minorUnits, minorUnits, (a, b) => {
          const expected = a === b ? 0 : a < b ? -1 : 1;
          expect(Money.fromMinor(a, 'USD').compare(Money.fromMinor(b, 'USD'))).toBe(expected);
        }),
      );
    });

    it('parse throws only InvalidMoneyError, whatever it is given', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^-?\d{0,3}\.?\d{0,4}[eE+ ]?\d?$/)), (value) => {
          try {
            Money.parse(value, 'CNY');
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidMoneyError);
          }
        }),
      );
    });
  });
});

describe('isMoneyString', () => {
  it('accepts positive amounts by default and refuses zero and negatives', () => {
    expect(isMoneyString('1500000.00')).toBe(true);
    expect(isMoneyString('0.01')).toBe(true);
    expect(isMoneyString('0.00')).toBe(false);
    expect(isMoneyString('-1.00')).toBe(false);
  });

  it('accepts zero with allowZero and negatives with allowNegative', () => {
    expect(isMoneyString('0', { allowZero: true })).toBe(true);
    expect(isMoneyString('-1.00', { allowNegative: true })).toBe(true);
    expect(isMoneyString('0', { allowNegative: true })).toBe(false);
    expect(isMoneyString('0', { allowNegative: true, allowZero: true })).toBe(true);
  });

  it('refuses what parse refuses, never throwing', () => {
    for (const value of [1500000, '1.005', '1e3', ' 1', null, undefined, 'abc', {}]) {
      expect(isMoneyString(value, { allowZero: true, allowNegative: true })).toBe(false);
    }
  });

  it('agrees with parse on every string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{1,4}(\.\d{1,3})?$/)), (value) => {
        let parses = true;
        try {
          Money.parse(value, 'CNY');
        } catch {
          parses = false;
        }
        expect(isMoneyString(value, { allowZero: true, allowNegative: true })).toBe(parses);
      }),
    );
  });
});
