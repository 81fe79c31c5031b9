import { Money, MONEY_SCALE, type Currency } from './money';
import { InvalidMoneyError } from './money.errors';

/**
 * Money in PostgreSQL is `NUMERIC(18, 2)`; node-postgres returns NUMERIC as a string, which
 * keeps it exact. These helpers are the only place that string meets `Money`.
 */
export function toPgNumeric(money: Money): string {
  return money.toString();
}

/**
 * Reads a NUMERIC string. Besides the API format it accepts zeros beyond the second decimal
 * (`"12.5000"`, what a NUMERIC without a declared scale returns) since they lose nothing;
 * any other digit there is refused rather than rounded.
 */
export function fromPgNumeric(value: string, currency: Currency): Money {
  if (typeof value !== 'string') throw new InvalidMoneyError(`a NUMERIC value must arrive as a string, got ${typeof value}`);
  const match = /^(-?\d+\.\d{2})(\d*)$/.exec(value);
  if (match !== null) {
    if (/[^0]/.test(match[2])) throw new InvalidMoneyError(`NUMERIC "${value}" has more than ${MONEY_SCALE} significant decimals`);
    return Money.parse(match[1], currency);
  }
  return Money.parse(value, currency);
}
