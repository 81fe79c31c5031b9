import { DomainValidationError } from '../domain-validation.error';
import { computeOrganisationCodeCheckChar } from './organisation-code';
import { findUsccRegistrationAuthority, USCC_REGISTRATION_AUTHORITIES } from './uscc-registration-authorities';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015:
 *
 * | positions | meaning                                                        |
 * |-----------|----------------------------------------------------------------|
 * | 1         | registration authority                                         |
 * | 2         | organisation type (allowed values depend on position 1)        |
 * | 3–8       | administrative division code of the registering office (GB/T 2260) |
 * | 9–17      | organisation code (GB 11714), position 17 its own check character |
 * | 18        | check character over positions 1–17                            |
 */
export const USCC_LENGTH = 18;

/** The 31 characters in value order 0–30; I, O, S, V and Z are left out to avoid misreading. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17 (3^(i−1) mod 31). */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const FIRST_17_PATTERN = new RegExp(`^[${USCC_ALPHABET}]{17}$`);
const DIVISION_CODE_PATTERN = /^\d{6}$/;

/** Check character (position 18) for the first 17 characters: 31 − (Σ value·weight mod 31), 31 → `0`. */
export function computeUsccCheckChar(first17: string): string {
  if (!FIRST_17_PATTERN.test(first17)) {
    throw new DomainValidationError('INVALID_USCC', `the first 17 characters of a unified social credit code must come from ${USCC_ALPHABET}, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i += 1) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Every problem with a candidate USCC, in words a user can act on; empty when it is valid.
 * Strict: lower case and surrounding spaces are problems (see `normalizeUscc` to be lenient).
 */
export function validateUscc(value: unknown): string[] {
  if (typeof value !== 'string') return ['must be a string of 18 characters'];

  const problems: string[] = [];
  if (value.length !== USCC_LENGTH) problems.push(`must be 18 characters long (got ${value.length})`);
  const foreign = [...new Set([...value].filter((char) => !USCC_ALPHABET.includes(char)))];
  if (foreign.length > 0) {
    const hint = foreign.some((char) => USCC_ALPHABET.includes(char.toUpperCase())) ? ' (letters must be upper case)' : '';
    problems.push(`contains characters not allowed in a unified social credit code: ${foreign.map((char) => JSON.stringify(char)).join(', ')}${hint}; allowed are 0-9 and A-Y without I, O, S, V`);
  }
  // The checks below need 18 characters from the alphabet.
  if (problems.length > 0) return problems;

  const authority = findUsccRegistrationAuthority(value.charAt(0));
  if (authority === undefined) {
    problems.push(`position 1 (registration authority) must be one of ${USCC_REGISTRATION_AUTHORITIES.map((a) => a.code).join(', ')}; got "${value.charAt(0)}"`);
  } else if (!(value.charAt(1) in authority.organisationTypes)) {
    problems.push(
      `position 2 (organisation type) must be one of ${Object.keys(authority.organisationTypes).join(', ')} for registration authority "${authority.code}"; got "${value.charAt(1)}"`,
    );
  }
  if (!DIVISION_CODE_PATTERN.test(value.slice(2, 8))) {
    problems.push(`positions 3–8 must be a 6-digit administrative division code; got "${value.slice(2, 8)}"`);
  }
  if (computeOrganisationCodeCheckChar(value.slice(8, 16)) !== value.charAt(16)) {
    problems.push('organisation code check character mismatch (position 17, GB 11714): the code is probably mistyped');
  }
  if (computeUsccCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    problems.push('check character mismatch (position 18, GB 32100-2015): the code is probably mistyped');
  }
  return problems;
}

export function isValidUscc(value: unknown): value is string {
  return validateUscc(value).length === 0;
}

/** For user input: trims and upper-cases; does not validate. */
export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}
