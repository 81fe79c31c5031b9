import { IsOptional, validateSync, type ValidationError } from 'class-validator';
import { IsCountryCode, IsHsCode, IsMoney, IsPeriod, IsRegion, IsTradeFairCode, IsUscc, IsZoneCode } from './validation-decorators';

class DeclarationDto {
  @IsUscc()
  uscc: unknown = '91350100M000100Y43';

  @IsMoney()
  valueUsd: unknown = '1500000.00';

  @IsOptional()
  @IsMoney({ allowZero: true })
  netWeightValue?: unknown;

  @IsPeriod()
  period: unknown = '2026-03';

  @IsHsCode()
  hsCode: unknown = '8471300000';

  @IsCountryCode()
  partnerCountry: unknown = 'KZ';

  @IsOptional()
  @IsCountryCode({ each: true })
  targetMarkets?: unknown;

  @IsOptional()
  @IsZoneCode()
  zoneCode?: unknown;

  @IsRegion()
  region: unknown = 'Urumqi';

  @IsOptional()
  @IsTradeFairCode()
  tradeFair?: unknown;
}

function errorsFor(overrides: Partial<DeclarationDto>): Record<string, string[]> {
  const dto = Object.assign(new DeclarationDto(), overrides);
  return Object.fromEntries(validateSync(dto).map((error: ValidationError) => [error.property, Object.values(error.constraints ?? {})]));
}

describe('validation decorators', () => {
  it('accept a valid DTO', () => {
    expect(errorsFor({})).toEqual({});
    expect(errorsFor({ zoneCode: 'YINING-BECZ', region: '乌鲁木齐', targetMarkets: ['KZ', 'UZ'], tradeFair: 'KASHGAR_FAIR', netWeightValue: '0' })).toEqual({});
  });

  it('IsUscc names the field, what is expected and what is wrong', () => {
    expect(errorsFor({ uscc: '91350100M000100Y44' })).toEqual({
      uscc: [
        'uscc must be a valid unified social credit code (GB 32100-2015: 18 characters from 0-9 and A-Y without I, O, S, V, with valid check characters): ' +
          'check character mismatch (position 18, GB 32100-2015): the code is probably mistyped',
      ],
    });
    expect(errorsFor({ uscc: 913501 }).uscc[0]).toMatch(/^uscc must be a valid unified social credit code \(.*\)$/);
  });

  it('IsMoney wants a positive decimal string, not a number', () => {
    expect(errorsFor({ valueUsd: 1500000 }).valueUsd[0]).toBe(
      'valueUsd must be a positive amount written as a decimal string with at most 2 decimals and at most 16 digits before the point, e.g. "1500000.00" (not a JSON number)',
    );
    expect(Object.keys(errorsFor({ valueUsd: '0.00' }))).toEqual(['valueUsd']);
    expect(Object.keys(errorsFor({ valueUsd: '1.005' }))).toEqual(['valueUsd']);
    expect(Object.keys(errorsFor({ valueUsd: '-5.00' }))).toEqual(['valueUsd']);
  });

  it('IsMoney({ allowZero }) accepts zero but still not negatives, and says so', () => {
    expect(errorsFor({ netWeightValue: '0.00' })).toEqual({});
    expect(errorsFor({ netWeightValue: '-1' }).netWeightValue[0]).toContain('must be a zero or positive amount');
  });

  it.each([
    ['period', '2026-13', 'period must be a month written YYYY-MM, from 1990-01 to 2100-12, e.g. "2026-03"'],
    ['hsCode', '7701000000', 'hsCode must be an HS commodity code of 6 to 10 digits whose chapter exists (01–97, not 77), e.g. "8471300000"'],
    ['partnerCountry', 'kz', 'partnerCountry must be an ISO 3166-1 alpha-2 country code in upper case, e.g. "KZ"'],
    ['zoneCode', 'NOWHERE-ETDZ', 'zoneCode must be the code of a zone in the zones catalogue (GET /api/v1/zones), e.g. "YINING-BECZ"'],
    ['region', 'Beijing', 'region must be a prefecture or directly administered city of the Xinjiang Uygur Autonomous Region'],
    ['tradeFair', 'canton fair', 'tradeFair must be ASIA_EUROPE_EXPO, KASHGAR_FAIR, HARBIN_FAIR or another'],
  ] as const)('%s rejects %j with a message saying what is expected', (field, value, message) => {
    const errors = errorsFor({ [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field][0]).toContain(message);
  });

  it('each: true checks every item of an array and says so', () => {
    expect(errorsFor({ targetMarkets: ['KZ', 'XX'] }).targetMarkets[0]).toBe(
      'each value in targetMarkets must be an ISO 3166-1 alpha-2 country code in upper case, e.g. "KZ"',
    );
  });

  it('a custom message overrides the default', () => {
    class Dto {
      @IsUscc({ message: 'bad code' })
      uscc = 'nope';
    }
    expect(validateSync(new Dto())[0].constraints).toEqual({ isUscc: 'bad code' });
  });
});
