import { DomainValidationError } from '../domain-validation.error';

/**
 * Organisation code (组织机构代码), GB 11714-1997: 8 body characters and a check character.
 * A unified social credit code embeds one at positions 9–17, so a USCC has two independent checks.
 */
export const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const BODY_PATTERN = /^[0-9A-Z]{8}$/;

/** Digits are worth 0–9 and letters A–Z 10–35 (GB 11714). */
function bodyCharValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** The 9th character for an 8-character body: C9 = 11 − (Σ mod 11), where 10 → `X` and 11 → `0`. */
export function computeOrganisationCodeCheckChar(body: string): string {
  if (!BODY_PATTERN.test(body)) {
    throw new DomainValidationError('INVALID_ORGANISATION_CODE', `organisation code body must be 8 characters from 0-9 and A-Z, got "${body}"`);
  }
  let sum = 0;
  for (let i = 0; i < ORGANISATION_CODE_WEIGHTS.length; i += 1) {
    sum += bodyCharValue(body.charAt(i)) * ORGANISATION_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export function isValidOrganisationCode(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 9 || !BODY_PATTERN.test(value.slice(0, 8))) return false;
  return computeOrganisationCodeCheckChar(value.slice(0, 8)) === value.charAt(8);
}
