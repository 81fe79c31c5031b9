import { fromPgNumeric, Money, toPgNumeric } from '@westgate/domain';
import type { ValueTransformer } from 'typeorm';

/** Grants are in CNY. */
export const GRANT_CURRENCY = 'CNY';

/** NUMERIC(18,2) ⇄ Money: node-postgres hands NUMERIC over as an exact string, never a float. */
export const moneyTransformer: ValueTransformer = {
  to: (value: Money | null | undefined) => (value === null || value === undefined ? value : toPgNumeric(value)),
  from: (value: string | null) => (value === null ? null : fromPgNumeric(value, GRANT_CURRENCY)),
};

export function cny(value: string): Money {
  return Money.parse(value, GRANT_CURRENCY);
}

export function cnyFromPg(value: string): Money {
  return fromPgNumeric(value, GRANT_CURRENCY);
}
