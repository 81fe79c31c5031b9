import { DomainValidationError } from '../domain-validation.error';

/** A value that is not an exact decimal amount with at most two decimals. */
export class InvalidMoneyError extends DomainValidationError {
  constructor(message: string) {
    super('INVALID_MONEY', message);
  }
}

/** Arithmetic or comparison across currencies, which has no meaning without an exchange rate. */
export class CurrencyMismatchError extends DomainValidationError {
  constructor(left: string, right: string) {
    super('CURRENCY_MISMATCH', `cannot combine ${left} with ${right} amounts`);
  }
}
