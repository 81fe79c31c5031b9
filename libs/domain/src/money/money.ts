import { CurrencyMismatchError, InvalidMoneyError } from './money.errors';

/** CNY for grants, USD for trade values (API contract). */
export const CURRENCIES = ['CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** Both currencies have two decimal places (ISO 4217 minor unit 2). */
export const MONEY_SCALE = 2;
const MINOR_PER_MAJOR = 100n;

/**
 * Digits allowed before the decimal point, so that any accepted amount fits a NUMERIC(18, 2)
 * column and a hostile 10,000-digit string is refused before it reaches the database.
 */
export const MONEY_MAX_INTEGER_DIGITS = 16;

const MONEY_PATTERN = new RegExp(`^(-?)(\\d{1,${MONEY_MAX_INTEGER_DIGITS}})(?:\\.(\\d{1,${MONEY_SCALE}}))?$`);

export interface MoneyStringOptions {
  /** Accept amounts below zero (default false). */
  readonly allowNegative?: boolean;
  /** Accept zero (default false: amounts in requests are positive unless said otherwise). */
  readonly allowZero?: boolean;
}

/** Why `value` is not an acceptable decimal money string, or undefined when it is. */
function describeMoneyStringProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    // Numbers are refused on purpose: a JSON number has already been through a float.
    return `must be a decimal string such as "1500000.00" (got ${typeof value})`;
  }
  if (!MONEY_PATTERN.test(value)) {
    return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" is not a decimal amount: expected digits with at most ${MONEY_SCALE} decimals, an optional leading '-', no spaces, signs, exponents or separators, and at most ${MONEY_MAX_INTEGER_DIGITS} digits before the point`;
  }
  return undefined;
}

/** Exact amount of money: a bigint count of minor units (cents, fen) and a currency. Immutable. */
export class Money {
  private constructor(
    /** The amount in minor units, e.g. 150000000n for 1500000.00. */
    readonly minorUnits: bigint,
    readonly currency: Currency,
  ) {}

  /** Parses `"1500000"`, `"1500000.5"`, `"1500000.50"` or `"-3.20"`; throws `InvalidMoneyError` otherwise. */
  static parse(value: unknown, currency: Currency): Money {
    const problem = describeMoneyStringProblem(value);
    if (problem !== undefined) throw new InvalidMoneyError(problem);
    if (!isCurrency(currency)) throw new InvalidMoneyError(`currency must be one of ${CURRENCIES.join(', ')}, got ${JSON.stringify(currency)}`);
    const [, sign, whole, fraction = ''] = MONEY_PATTERN.exec(value as string) as RegExpExecArray;
    const magnitude = BigInt(whole) * MINOR_PER_MAJOR + BigInt(fraction.padEnd(MONEY_SCALE, '0'));
    return new Money(sign === '-' ? -magnitude : magnitude, currency);
  }

  static fromMinor(minorUnits: bigint, currency: Currency): Money {
    if (typeof minorUnits !== 'bigint') throw new InvalidMoneyError(`minor units must be a bigint, got ${typeof minorUnits}`);
    if (!isCurrency(currency)) throw new InvalidMoneyError(`currency must be one of ${CURRENCIES.join(', ')}, got ${JSON.stringify(currency)}`);
    return new Money(minorUnits, currency);
  }

  static zero(currency: Currency): Money {
    return Money.fromMinor(0n, currency);
  }

  /** Total of `amounts`; `currency` gives the result of an empty list and must match every item. */
  static sum(amounts: Iterable<Money>, currency: Currency): Money {
    let total = Money.zero(currency);
    for (const amount of amounts) total = total.add(amount);
    return total;
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minorUnits + other.minorUnits, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minorUnits - other.minorUnits, this.currency);
  }

  negate(): Money {
    return new Money(-this.minorUnits, this.currency);
  }

  /** -1, 0 or 1, usable as an `Array.prototype.sort` comparator. */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    if (this.minorUnits === other.minorUnits) return 0;
    return this.minorUnits < other.minorUnits ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.minorUnits === other.minorUnits;
  }

  isZero(): boolean {
    return this.minorUnits === 0n;
  }

  isNegative(): boolean {
    return this.minorUnits < 0n;
  }

  isPositive(): boolean {
    return this.minorUnits > 0n;
  }

  /** Always two decimals, no currency: `"1500000.00"`, `"-0.05"`. */
  toString(): string {
    const magnitude = this.minorUnits < 0n ? -this.minorUnits : this.minorUnits;
    const fraction = (magnitude % MINOR_PER_MAJOR).toString().padStart(MONEY_SCALE, '0');
    return `${this.minorUnits < 0n ? '-' : ''}${magnitude / MINOR_PER_MAJOR}.${fraction}`;
  }

  /** JSON carries the decimal string, as the API does; bigint itself is not serialisable. */
  toJSON(): string {
    return this.toString();
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
  }
}

/** Whether `value` is a decimal money string acceptable to `Money.parse`, positive unless options say otherwise. */
export function isMoneyString(value: unknown, options: MoneyStringOptions = {}): value is string {
  if (describeMoneyStringProblem(value) !== undefined) return false;
  const minorUnits = Money.parse(value, 'CNY').minorUnits;
  if (minorUnits === 0n) return options.allowZero === true;
  return minorUnits > 0n || options.allowNegative === true;
}
