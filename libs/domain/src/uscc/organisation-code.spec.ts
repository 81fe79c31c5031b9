import fc from 'fast-check';
import { computeOrganisationCodeCheckChar, isValidOrganisationCode } from './organisation-code';
import { DomainValidationError } from '../domain-validation.error';

describe('organisation code (GB 11714)', () => {
  it.each([
    ['M000100Y4', 'embedded in 91350100M000100Y43'],
    ['192203821', 'Huawei'],
    ['71526726X', "Tencent: check value 10 is written 'X'"],
  ])('accepts %s (%s)', (code) => {
    expect(isValidOrganisationCode(code)).toBe(true);
  });

  it("writes check value 11 as '0'", () => {
    // Σ = 0 → 11 − 0 = 11 → '0'
    expect(computeOrganisationCodeCheckChar('00000000')).toBe('0');
  });

  it('rejects a wrong check character, wrong length, lower case and non-strings', () => {
    expect(isValidOrganisationCode('M000100Y5')).toBe(false);
    expect(isValidOrganisationCode('M000100Y')).toBe(false);
    expect(isValidOrganisationCode('m000100y4')).toBe(false);
    expect(isValidOrganisationCode(123456789)).toBe(false);
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => computeOrganisationCodeCheckChar('M000100')).toThrow(DomainValidationError);
    expect(() => computeOrganisationCodeCheckChar('M000100y')).toThrow(DomainValidationError);
  });

  it('the computed check character always makes a valid code, and it is a digit or X', () => {
    const body = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(body, (b) => {
        const check = computeOrganisationCodeCheckChar(b);
        expect(check).toMatch(/^[0-9X]$/);
        expect(isValidOrganisationCode(b + check)).toBe(true);
      }),
    );
  });
});
