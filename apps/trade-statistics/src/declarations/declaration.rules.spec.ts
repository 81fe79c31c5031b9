import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { TradeDeclarationV1 } from '@westgate/contracts';
import { generateUscc } from '@westgate/domain';
import { checkDeclaration, declarationsJson, DECLARATION_FIELDS, REFERENCE_CHECKS, type Declaration } from './declaration.rules';

const valid = {
  declarationId: '650120260000123456',
  uscc: generateUscc(() => 0.42),
  flow: 'EXPORT',
  hsCode: '8471300000',
  partnerCountry: 'KZ',
  period: '2026-02',
  valueUsd: '125000.00',
};

/** The contract's own verdict (class-validator), with unknown properties refused as the API refuses them, and what it read. */
function contractReads(row: Record<string, unknown>): TradeDeclarationV1 | undefined {
  const declaration = plainToInstance(TradeDeclarationV1, row);
  const errors = validateSync(declaration, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.length === 0 ? declaration : undefined;
}

function contractAccepts(row: Record<string, unknown>): boolean {
  return contractReads(row) !== undefined;
}

/** Safe for PostgreSQL COPY text unescaped: no tab, line break, backslash or other control character. */
const UNSAFE_IN_COPY = /[\t\n\r\\\p{Cc}]/u;

/** Customs ports and trade modes as clients write them: catalogue values, variants, safe names, unsafe ones, other types. */
const declaredNames = fc.oneof(
  fc.constantFrom('KHORGOS', 'khorgos', ' Khorgos ', 'urumqi airport', 'URUMQI_AIRPORT', '霍尔果斯', 'Karasu (Kulma Pass)', 'TIANJIN', 'Tianjin Xingang'),
  fc.constantFrom('GENERAL_TRADE', 'general_trade', 'General Trade', 'border-small-scale', 'OTHER', 'BARTER', '0110', '一般贸易'),
  fc.constantFrom('', '   ', '-KHORGOS', 'KHORGOS\tX', 'a\\b', 'line\nbreak', 'x\u0000', 'x'.repeat(64), 'x'.repeat(65), ` ${'x'.repeat(64)} `),
  fc.stringMatching(/^[A-Za-z0-9 ._\-/(),\t\\]{0,70}$/),
  fc.string({ maxLength: 70 }),
  fc.string({ maxLength: 10, unit: 'binary' }),
  fc.constantFrom(12, true, ['KHORGOS'], {}),
);

describe('checkDeclaration', () => {
  it('accepts a valid declaration, with and without the optional fields', () => {
    expect(checkDeclaration(valid)).toEqual({ ok: true, declaration: valid });
    const full = { ...valid, quantity: '12.5', unit: 'KG', netWeightKg: '1000', customsPort: 'KHORGOS', tradeMode: 'GENERAL_TRADE' };
    expect(checkDeclaration(full)).toEqual({ ok: true, declaration: full });
    expect(checkDeclaration({ ...valid, quantity: null, unit: null })).toEqual({ ok: true, declaration: valid });
  });

  it('names every bad field, and unknown ones', () => {
    const result = checkDeclaration({ ...valid, uscc: '91650100MA77XKPQ1X', hsCode: '7701000000', valueUsd: 1500, period: '2026-13', colour: 'red' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['colour', 'hsCode', 'period', 'uscc', 'valueUsd']);
  });

  it('requires the required fields; in CSV an empty cell is a missing field', () => {
    const result = checkDeclaration({ ...valid, flow: '' }, { emptyIsAbsent: true });
    expect(result).toEqual({ ok: false, errors: [{ field: 'flow', message: 'flow is required' }] });
    expect(checkDeclaration({ ...valid, quantity: '' }, { emptyIsAbsent: true })).toEqual({ ok: true, declaration: valid });
  });

  it('refuses zero and negative values and money written as a JSON number', () => {
    for (const valueUsd of ['0', '0.00', '-5.00', 12.5, '1e5', '1.234']) {
      expect(checkDeclaration({ ...valid, valueUsd }).ok).toBe(false);
    }
  });

  it('takes quantities as JSON numbers too, and keeps them as exact strings', () => {
    expect(checkDeclaration({ ...valid, quantity: 12.25 })).toEqual({ ok: true, declaration: { ...valid, quantity: '12.25' } });
    expect(checkDeclaration({ ...valid, quantity: -1 }).ok).toBe(false);
    expect(checkDeclaration({ ...valid, quantity: 1e-7 }).ok).toBe(false);
  });

  it('stores a catalogue port given by code or name, in any case, as its code', () => {
    for (const [customsPort, code] of [
      ['Khorgos', 'KHORGOS'],
      ['khorgos', 'KHORGOS'],
      ['  Alashankou ', 'ALASHANKOU'],
      ['urumqi airport', 'URUMQI-AIRPORT'],
      ['Urumqi_Airport', 'URUMQI-AIRPORT'],
      ['Urumqi Diwopu International Airport', 'URUMQI-AIRPORT'],
      ['karasu (kulma pass)', 'KARASU'],
      ['霍尔果斯', 'KHORGOS'],
    ]) {
      expect(checkDeclaration({ ...valid, customsPort })).toEqual({ ok: true, declaration: { ...valid, customsPort: code } });
    }
  });

  it('stores a trade mode written in any case, with spaces or hyphens, as the canonical value', () => {
    for (const [tradeMode, canonical] of [
      ['general_trade', 'GENERAL_TRADE'],
      ['General Trade', 'GENERAL_TRADE'],
      [' border-small-scale ', 'BORDER_SMALL_SCALE'],
      ['Bonded Logistics', 'BONDED_LOGISTICS'],
      ['other', 'OTHER'],
    ]) {
      expect(checkDeclaration({ ...valid, tradeMode })).toEqual({ ok: true, declaration: { ...valid, tradeMode: canonical } });
    }
  });

  it('keeps a port or trade mode the catalogues do not know as given (trimmed), when it is safe', () => {
    const row = { ...valid, customsPort: 'Tianjin Xingang', tradeMode: '0110' };
    const check = checkDeclaration(row);
    expect(check).toEqual({ ok: true, declaration: row });
    // Nothing to normalise: the row itself, no copy.
    expect(check.ok && check.declaration).toBe(row);
    expect(checkDeclaration({ ...valid, customsPort: ' Manas (bonded zone), No. 2/3 ', tradeMode: ' 一般贸易 ' })).toEqual({
      ok: true,
      declaration: { ...valid, customsPort: 'Manas (bonded zone), No. 2/3', tradeMode: '一般贸易' },
    });
    expect(checkDeclaration({ ...valid, customsPort: 'x'.repeat(64) }).ok).toBe(true);
  });

  it('refuses an unsafe or malformed port or trade mode, naming the field', () => {
    for (const bad of ['', '   ', '-KHORGOS', '(KHORGOS)', 'KHORGOS\tX', 'KHOR\nGOS', 'KHOR\rGOS', 'C:\\ports', 'x\u0000y', 'a;b', '"Khorgos"', 'x'.repeat(65), 12, true, ['KHORGOS'], {}]) {
      for (const field of ['customsPort', 'tradeMode']) {
        const result = checkDeclaration({ ...valid, [field]: bad });
        expect(result).toMatchObject({ ok: false, errors: [{ field }] });
        if (!result.ok) expect(result.errors).toHaveLength(1);
        if (!result.ok) expect(result.errors[0].message).toMatch(new RegExp(`^${field} must be .*1 to 64 letters, digits, spaces or`));
      }
    }
    // In CSV an empty cell is an absent field, not a bad one.
    expect(checkDeclaration({ ...valid, customsPort: '', tradeMode: '' }, { emptyIsAbsent: true })).toEqual({ ok: true, declaration: valid });
  });

  it('says a non-object is not a declaration', () => {
    for (const raw of [null, 'x', 12, [valid]]) expect(checkDeclaration(raw)).toMatchObject({ ok: false, errors: [{ field: '' }] });
  });

  it('always agrees with the contract class (TradeDeclarationV1) on string fields', () => {
    const candidates: Record<string, fc.Arbitrary<unknown>> = {
      declarationId: fc.oneof(fc.constant(valid.declarationId), fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,70}$/)),
      uscc: fc.oneof(fc.constant(valid.uscc), fc.string({ minLength: 18, maxLength: 18 }), fc.constant('91650100MA77XKPQ1X')),
      flow: fc.constantFrom('EXPORT', 'IMPORT', 'export', 'BOTH'),
      hsCode: fc.oneof(fc.stringMatching(/^\d{4,11}$/), fc.constantFrom('7701000000', '9801000000', '84.71')),
      partnerCountry: fc.constantFrom('KZ', 'kz', 'XX', 'DE', 'XK', ''),
      period: fc.oneof(fc.stringMatching(/^\d{4}-\d{2}$/), fc.constantFrom('2026-3', '1989-12', '2101-01')),
      valueUsd: fc.oneof(fc.stringMatching(/^-?\d{1,18}(\.\d{0,3})?$/), fc.constantFrom('0.00', '1', '12.5')),
      quantity: fc.option(fc.oneof(fc.stringMatching(/^\d{1,20}(\.\d{0,7})?$/), fc.string({ maxLength: 5 })), { nil: undefined }),
      unit: fc.option(fc.oneof(fc.constantFrom('KG', 'PCS', '千克', 'M3'), fc.string({ maxLength: 25 })), { nil: undefined }),
      netWeightKg: fc.option(fc.stringMatching(/^\d{1,19}(\.\d{0,7})?$/), { nil: undefined }),
      customsPort: fc.option(declaredNames, { nil: undefined }),
      tradeMode: fc.option(declaredNames, { nil: undefined }),
    };
    fc.assert(
      fc.property(fc.record(candidates), (raw) => {
        const row = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        expect(checkDeclaration(row).ok).toBe(contractAccepts(row));
      }),
      { numRuns: 2000 },
    );
    // Ports and trade modes: the same verdicts, and the same values kept.
    fc.assert(
      fc.property(fc.option(declaredNames, { nil: undefined }), fc.option(declaredNames, { nil: undefined }), (customsPort, tradeMode) => {
        const row = { ...valid, ...(customsPort === undefined ? {} : { customsPort }), ...(tradeMode === undefined ? {} : { tradeMode }) };
        const check = checkDeclaration(row);
        const read = contractReads(row);
        expect(check.ok).toBe(read !== undefined);
        if (check.ok && read !== undefined) {
          expect(check.declaration.customsPort).toBe(read.customsPort);
          expect(check.declaration.tradeMode).toBe(read.tradeMode);
        }
      }),
      { numRuns: 3000 },
    );
    expect(DECLARATION_FIELDS).toHaveLength(12);
  });

  it('checks periods and amounts exactly as the domain does, only faster', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{4}-\d{1,2}$/), fc.string({ maxLength: 8 }), fc.anything()), (value) => {
        expect(REFERENCE_CHECKS.fastIsPeriod(value)).toBe(REFERENCE_CHECKS.isPeriod(value));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^-?\d{0,18}(\.\d{0,3})?$/), fc.string({ maxLength: 8 }), fc.anything()), (value) => {
        expect(REFERENCE_CHECKS.fastIsPositiveMoney(value)).toBe(REFERENCE_CHECKS.isMoneyString(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('looks catalogue codes up exactly as the domain does', () => {
    const { sets } = REFERENCE_CHECKS;
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[A-Z_-]{2,14}$/), fc.constantFrom('KZ', 'KHORGOS', 'EXPORT', 'OTHER', 'toString', '__proto__'), fc.anything()), (value) => {
        expect(sets.COUNTRIES.has(value)).toBe(REFERENCE_CHECKS.isCountryCode(value));
        expect(sets.FLOWS.has(value)).toBe(REFERENCE_CHECKS.isTradeFlow(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads ports and trade modes exactly as the contract does, memoised, and keeps nothing unsafe for COPY', () => {
    const { declaredCustomsPort, declaredTradeMode, fastDeclaredCustomsPort, fastDeclaredTradeMode } = REFERENCE_CHECKS;
    fc.assert(
      fc.property(fc.oneof(declaredNames, fc.string({ maxLength: 120 }), fc.anything()), (value) => {
        for (let round = 0; round < 2; round += 1) {
          expect(fastDeclaredCustomsPort(value)).toBe(declaredCustomsPort(value));
          expect(fastDeclaredTradeMode(value)).toBe(declaredTradeMode(value));
        }
        for (const kept of [declaredCustomsPort(value), declaredTradeMode(value)]) {
          if (kept !== undefined) {
            expect(kept).not.toMatch(UNSAFE_IN_COPY);
            expect(kept.length).toBeGreaterThan(0);
            expect(kept.length).toBeLessThanOrEqual(64);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('writes valid declarations as JSON that reads back exactly as the declarations', () => {
    const optional = {
      quantity: fc.option(fc.stringMatching(/^\d{1,18}(\.\d{1,6})?$/), { nil: undefined }),
      unit: fc.option(fc.constantFrom('KG', 'PCS', '千克', 'M3', 't/m2', 'x %'), { nil: undefined }),
      netWeightKg: fc.option(fc.stringMatching(/^\d{1,18}$/), { nil: undefined }),
      customsPort: fc.option(fc.constantFrom('KHORGOS', 'URUMQI-AIRPORT', 'Khorgos', 'Tianjin (Xingang)'), { nil: undefined }),
      tradeMode: fc.option(fc.constantFrom('GENERAL_TRADE', 'OTHER', 'general trade', '0110'), { nil: undefined }),
      declarationId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/),
    };
    fc.assert(
      fc.property(fc.record(optional), (extra) => {
        const raw = Object.fromEntries(Object.entries({ ...valid, ...extra }).filter(([, v]) => v !== undefined));
        const check = checkDeclaration(raw);
        expect(check.ok).toBe(true);
        const declaration = (check as { declaration: Declaration }).declaration;
        expect(JSON.parse(declarationsJson([declaration, declaration]))).toEqual(JSON.parse(JSON.stringify([declaration, declaration])));
      }),
      { numRuns: 1000 },
    );
  });
});
