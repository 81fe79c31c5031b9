import fc from 'fast-check';
import { findHsChapter, HS_CHAPTERS } from './hs-chapters';
import { hsChapter, hsHeading, InvalidHsCodeError, isHsCode, isHsPrefix, validateHsCode } from './hs-code';

describe('HS chapters catalogue', () => {
  it('has chapters 01–97 without the reserved 77, in order, each with a title', () => {
    const expected = Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '77');
    expect(HS_CHAPTERS.map((c) => c.chapter)).toEqual(expected);
    HS_CHAPTERS.forEach((c) => expect(c.title.length).toBeGreaterThan(3));
  });

  it('finds a chapter by number', () => {
    expect(findHsChapter('84')?.title).toContain('machinery');
    expect(findHsChapter('77')).toBeUndefined();
    expect(findHsChapter('98')).toBeUndefined();
  });
});

describe('validateHsCode', () => {
  it.each(['847130', '84713000', '8471300000', '0101210000', '9701100000', '2709000000', '8471300'])('accepts %s', (code) => {
    expect(validateHsCode(code)).toEqual([]);
    expect(isHsCode(code)).toBe(true);
  });

  it.each([
    ['84713', 'must be 6 to 10 digits long (got 5)'],
    ['84713000001', 'must be 6 to 10 digits long (got 11)'],
    ['7701000000', 'chapter 77 does not exist'],
    ['9801000000', 'chapter 98 does not exist'],
    ['0001000000', 'chapter 00 does not exist'],
    ['8471.30', 'digits only'],
    ['8471 30 00', 'digits only'],
    ['', 'digits only'],
  ])('rejects %j: %s', (code, reason) => {
    expect(validateHsCode(code)).toEqual([expect.stringContaining(reason)]);
    expect(isHsCode(code)).toBe(false);
  });

  it('rejects numbers: leading zeros of chapters 01–09 would be lost', () => {
    expect(validateHsCode(101210000)).toEqual(['must be a string of 6 to 10 digits']);
  });

  it('accepts exactly the 6–10 digit strings of an existing chapter, never throwing', () => {
    const chapters = new Set(HS_CHAPTERS.map((c) => c.chapter));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.stringMatching(/^\d{4,11}$/)), (value) => {
        const expected = typeof value === 'string' && /^\d{6,10}$/.test(value) && chapters.has(value.slice(0, 2));
        expect(isHsCode(value)).toBe(expected);
      }),
    );
  });
});

describe('hsChapter and hsHeading', () => {
  it('take the leading 2 and 4 digits', () => {
    expect(hsChapter('8471300000')).toBe('84');
    expect(hsHeading('8471300000')).toBe('8471');
    expect(hsChapter('0101')).toBe('01');
    expect(hsHeading('0101')).toBe('0101');
  });

  it('refuse codes too short or not in an existing chapter', () => {
    expect(() => hsHeading('84')).toThrow(InvalidHsCodeError);
    expect(() => hsChapter('7701000000')).toThrow(InvalidHsCodeError);
    expect(() => hsChapter('84.71')).toThrow(InvalidHsCodeError);
  });

  it('isHsPrefix accepts chapters, headings and longer codes', () => {
    expect(['84', '8471', '847130', '8471300000'].every(isHsPrefix)).toBe(true);
    expect(['8', '77', '84713000001', 84].some(isHsPrefix)).toBe(false);
  });
});
