import { DomainValidationError } from '../domain-validation.error';
import { findHsChapter } from './hs-chapters';

/**
 * A commodity code of a customs declaration: the 6-digit HS subheading, optionally extended
 * nationally (China: 8-digit tariff line, 10-digit statistical code).
 */
export type HsCode = string;

export const HS_CODE_MIN_LENGTH = 6;
export const HS_CODE_MAX_LENGTH = 10;

export class InvalidHsCodeError extends DomainValidationError {
  constructor(message: string) {
    super('INVALID_HS_CODE', message);
  }
}

/** Every problem with a candidate HS code; empty when it is valid. */
export function validateHsCode(value: unknown): string[] {
  if (typeof value !== 'string') return ['must be a string of 6 to 10 digits'];
  if (!/^\d+$/.test(value)) return [`"${value.slice(0, 20)}" must contain digits only (no dots or spaces), 6 to 10 of them`];
  if (value.length < HS_CODE_MIN_LENGTH || value.length > HS_CODE_MAX_LENGTH) return [`must be 6 to 10 digits long (got ${value.length})`];
  if (findHsChapter(value.slice(0, 2)) === undefined) return [`chapter ${value.slice(0, 2)} does not exist in the Harmonized System`];
  return [];
}

export function isHsCode(value: unknown): value is HsCode {
  return validateHsCode(value).length === 0;
}

/**
 * Whether `value` is a code at any HS level: a chapter (2 digits), heading (4), subheading (6) or
 * a national extension (up to 10), in an existing chapter. Used where a prefix stands for a group.
 */
export function isHsPrefix(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2,10}$/.test(value) && findHsChapter(value.slice(0, 2)) !== undefined;
}

function requireHsCode(code: string, minLength: number): void {
  if (!isHsPrefix(code) || code.length < minLength) {
    throw new InvalidHsCodeError(`"${String(code).slice(0, 20)}" is not an HS code of at least ${minLength} digits in an existing chapter`);
  }
}

/** The 2-digit chapter of a code, e.g. `84` for `8471300000`. */
export function hsChapter(code: string): string {
  requireHsCode(code, 2);
  return code.slice(0, 2);
}

/** The 4-digit heading of a code, e.g. `8471` for `8471300000`. */
export function hsHeading(code: string): string {
  requireHsCode(code, 4);
  return code.slice(0, 4);
}
