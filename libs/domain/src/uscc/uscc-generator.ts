import { DomainValidationError } from '../domain-validation.error';
import { computeOrganisationCodeCheckChar } from './organisation-code';
import { computeUsccCheckChar, USCC_ALPHABET } from './uscc';

/** Urumqi, the regional capital, so that generated codes look like local enterprises. */
export const DEFAULT_USCC_REGION_CODE = '650100';

export interface GenerateUsccOptions {
  /** GB/T 2260 administrative division code for positions 3–8. */
  readonly regionCode?: string;
}

/**
 * A valid USCC of an enterprise (`91…`), for test data and demos. `random` returns numbers in
 * [0, 1) like `Math.random`; pass a seeded generator for reproducible codes.
 */
export function generateUscc(random: () => number, opts: GenerateUsccOptions = {}): string {
  const regionCode = opts.regionCode ?? DEFAULT_USCC_REGION_CODE;
  if (!/^\d{6}$/.test(regionCode)) {
    throw new DomainValidationError('INVALID_REGION_CODE', `regionCode must be a 6-digit administrative division code, got "${regionCode}"`);
  }
  let body = '';
  for (let i = 0; i < 8; i += 1) {
    // Clamped so that a sloppy generator (exactly 1, negative, NaN) still yields a valid code.
    const index = Math.floor(random() * USCC_ALPHABET.length) || 0;
    body += USCC_ALPHABET.charAt(Math.min(USCC_ALPHABET.length - 1, Math.max(0, index)));
  }
  const first17 = `91${regionCode}${body}${computeOrganisationCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}
