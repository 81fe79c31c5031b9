import fc from 'fast-check';
import { isValidUscc, validateUscc } from './uscc';
import { DEFAULT_USCC_REGION_CODE, generateUscc } from './uscc-generator';
import { isValidOrganisationCode } from './organisation-code';
import { DomainValidationError } from '../domain-validation.error';

/** Replays a list of numbers in [0, 1) as a random source. */
function randomFrom(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

describe('generateUscc', () => {
  it('generates a valid enterprise code registered in Urumqi by default', () => {
    const code = generateUscc(Math.random);
    expect(validateUscc(code)).toEqual([]);
    expect(code.slice(0, 2)).toBe('91');
    expect(code.slice(2, 8)).toBe(DEFAULT_USCC_REGION_CODE);
    expect(isValidOrganisationCode(code.slice(8, 17))).toBe(true);
  });

  it('puts the given region code at positions 3–8', () => {
    expect(generateUscc(Math.random, { regionCode: '653100' }).slice(2, 8)).toBe('653100');
  });

  it('refuses a region code that is not 6 digits', () => {
    expect(() => generateUscc(Math.random, { regionCode: '65010' })).toThrow(DomainValidationError);
    expect(() => generateUscc(Math.random, { regionCode: 'KASHGR' })).toThrow('6-digit administrative division code');
  });

  it('is reproducible for the same random sequence', () => {
    const sequence = [0.1, 0.5, 0.9, 0.3];
    expect(generateUscc(randomFrom(sequence))).toBe(generateUscc(randomFrom(sequence)));
  });

  it('every generated code validates, whatever the random source returns (even 1, negatives or NaN)', () => {
    const anyNumber = fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double());
    const sixDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(anyNumber, { minLength: 1, maxLength: 8 }), sixDigits, (values, regionCode) => {
        expect(validateUscc(generateUscc(randomFrom(values), { regionCode }))).toEqual([]);
      }),
    );
  });

  it('spreads codes out: 1,000 draws from Math.random give 1,000 distinct valid codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateUscc(Math.random)));
    expect(codes.size).toBe(1000);
    codes.forEach((code) => expect(isValidUscc(code)).toBe(true));
  });
});
