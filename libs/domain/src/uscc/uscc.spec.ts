import fc from 'fast-check';
import { computeUsccCheckChar, isValidUscc, normalizeUscc, USCC_ALPHABET, USCC_WEIGHTS, validateUscc } from './uscc';
import { generateUscc } from './uscc-generator';

/** Small seeded PRNG so that properties can drive `generateUscc` reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const validUscc = fc.integer().map((seed) => generateUscc(seededRandom(seed)));

describe('validateUscc', () => {
  it.each([
    ['91350100M000100Y43', 'the example printed in GB 32100 guides'],
    ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
    ['91330100716105852F', 'Alibaba (China) Co., Ltd.'],
    ['9144030071526726XG', "Shenzhen Tencent Computer Systems Co., Ltd. (organisation check 'X')"],
    ['91110108551385082Q', 'Beijing Xiaomi Technology Co., Ltd.'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual([]);
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the published check characters', () => {
    expect(computeUsccCheckChar('91350100M000100Y4')).toBe('3');
    expect(computeUsccCheckChar('9144030071526726X')).toBe('G');
  });

  it('reports a mistyped check character (position 18) and nothing else', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual([expect.stringContaining('check character mismatch (position 18')]);
  });

  it('reports a broken organisation code (position 17) even when position 18 was recomputed to match', () => {
    const first17 = '91350100M000100Y5';
    const problems = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(problems).toEqual([expect.stringContaining('organisation code check character mismatch (position 17')]);
  });

  it('names a wrong length', () => {
    expect(validateUscc('91350100M000100Y4')).toEqual(['must be 18 characters long (got 17)']);
    expect(validateUscc('')).toEqual(['must be 18 characters long (got 0)']);
  });

  it('names characters outside the alphabet, with a hint for lower case', () => {
    const [problem] = validateUscc('91350100m000100y43');
    expect(problem).toContain('"m", "y"');
    expect(problem).toContain('letters must be upper case');
    expect(validateUscc('91350100O000100Y43')[0]).toContain('"O"');
    expect(validateUscc(' 91350100M000100Y43')).toHaveLength(2); // wrong length and a space
  });

  it('rejects an unknown registration authority and an organisation type the authority does not use', () => {
    const withPrefix = (prefix: string): string => {
      const first17 = `${prefix}350100M000100Y4`;
      return first17 + computeUsccCheckChar(first17);
    };
    expect(validateUscc(withPrefix('B1'))).toEqual([expect.stringContaining('position 1 (registration authority)')]);
    expect(validateUscc(withPrefix('94'))).toEqual([expect.stringContaining('position 2 (organisation type) must be one of 1, 2, 3')]);
    expect(validateUscc(withPrefix('51'))).toEqual([]);
    expect(validateUscc(withPrefix('N2'))).toEqual([]);
    expect(validateUscc(withPrefix('Y1'))).toEqual([]);
  });

  it('requires a numeric administrative division code at positions 3–8', () => {
    const first17 = '9135A100M000100Y4';
    expect(validateUscc(first17 + computeUsccCheckChar(first17))).toEqual([expect.stringContaining('positions 3–8')]);
  });

  it('rejects values that are not strings without throwing', () => {
    for (const value of [undefined, null, 913501, {}, ['91350100M000100Y43'], Symbol('x'), 10n]) {
      expect(validateUscc(value)).toEqual(['must be a string of 18 characters']);
    }
  });

  it('normalizeUscc trims and upper-cases user input', () => {
    expect(normalizeUscc('  91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidUscc(normalizeUscc('  91350100m000100y43 '))).toBe(true);
  });

  it('weights are 3^(i-1) mod 31, which the error-detection properties below rely on', () => {
    USCC_WEIGHTS.forEach((weight, i) => expect(weight).toBe(Number(3n ** BigInt(i) % 31n)));
  });

  describe('properties', () => {
    it('never throws and always returns a list of strings, whatever the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.string(), fc.string({ unit: 'grapheme', minLength: 18, maxLength: 18 })), (value) => {
          const problems = validateUscc(value);
          expect(Array.isArray(problems)).toBe(true);
          problems.forEach((problem) => expect(typeof problem).toBe('string'));
          expect(isValidUscc(value)).toBe(problems.length === 0);
        }),
      );
    });

    it('accepts an 18-character alphabet string only when its check character is the computed one', () => {
      const alphabetString = fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 18, maxLength: 18 });
      fc.assert(
        fc.property(alphabetString, (code) => {
          if (isValidUscc(code)) expect(code.charAt(17)).toBe(computeUsccCheckChar(code.slice(0, 17)));
        }),
      );
    });

    // Exact, not "almost always": within positions 1–17 a substitution changes the weighted sum by
    // (v' − v)·w with 0 < |v' − v| < 31 and w ≢ 0 (mod 31), and 31 is prime, so the sum mod 31
    // changes; at position 18 only one character matches; a character outside the alphabet is
    // refused outright.
    it('rejects every code in which exactly one character was replaced by a different one', () => {
      const replacement = fc.oneof(fc.constantFrom(...USCC_ALPHABET), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
      fc.assert(
        fc.property(validUscc, fc.integer({ min: 0, max: 17 }), replacement, (code, position, char) => {
          fc.pre(char !== code.charAt(position));
          const mutated = code.slice(0, position) + char + code.slice(position + 1);
          expect(isValidUscc(mutated)).toBe(false);
        }),
      );
    });

    // Swapping positions i and i+1 changes the sum by (a − b)(w_i − w_{i+1}) = (a − b)(−2·w_i) mod 31, never 0.
    it('rejects every swap of two different adjacent characters within positions 1–17', () => {
      fc.assert(
        fc.property(validUscc, fc.integer({ min: 0, max: 15 }), (code, i) => {
          fc.pre(code.charAt(i) !== code.charAt(i + 1));
          const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
          expect(isValidUscc(swapped)).toBe(false);
        }),
      );
    });
  });
});
