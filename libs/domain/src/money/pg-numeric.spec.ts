import fc from 'fast-check';
import { Money } from './money';
import { InvalidMoneyError } from './money.errors';
import { fromPgNumeric, toPgNumeric } from './pg-numeric';

describe('PostgreSQL NUMERIC conversion', () => {
  it('writes the two-decimal string NUMERIC(18, 2) stores', () => {
    expect(toPgNumeric(Money.parse('1500000.5', 'CNY'))).toBe('1500000.50');
    expect(toPgNumeric(Money.fromMinor(-1n, 'USD'))).toBe('-0.01');
  });

  it('reads what node-postgres returns for NUMERIC(18, 2) and for an unscaled NUMERIC', () => {
    expect(fromPgNumeric('1500000.50', 'CNY').minorUnits).toBe(150000050n);
    expect(fromPgNumeric('1500000', 'CNY').toString()).toBe('1500000.00');
    expect(fromPgNumeric('12.5000', 'USD').toString()).toBe('12.50');
    expect(fromPgNumeric('-0.000', 'USD').isZero()).toBe(true);
  });

  it('refuses digits it would have to round away, and anything that is not a decimal', () => {
    expect(() => fromPgNumeric('12.5001', 'USD')).toThrow('more than 2 significant decimals');
    expect(() => fromPgNumeric('NaN', 'USD')).toThrow(InvalidMoneyError);
    expect(() => fromPgNumeric(12.5 as never, 'USD')).toThrow(InvalidMoneyError);
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }), (minor) => {
        const amount = Money.fromMinor(minor, 'USD');
        expect(fromPgNumeric(toPgNumeric(amount), 'USD').equals(amount)).toBe(true);
      }),
    );
  });
});
