import {
  DECIMAL_QUANTITY_PATTERN,
  DECLARATION_ID_PATTERN,
  UNIT_PATTERN,
} from '@westgate/contracts';
import {
  COUNTRY_NAMES,
  CUSTOMS_PORTS,
  isCountryCode,
  isCustomsPortCode,
  isTradeFlow,
  isTradeMode,
  isMoneyString,
  isPeriod,
  MONEY_MAX_INTEGER_DIGITS,
  PERIOD_MAX_YEAR,
  PERIOD_MIN_YEAR,
  TRADE_FLOWS,
  TRADE_MODES,
  validateHsCode,
  validateUscc,
  type TradeFlow,
  type TradeMode,
} from '@westgate/domain';

/** A declaration that passed `checkDeclaration`: the contract's `TradeDeclarationV1`, optional fields left out when absent. */
export interface Declaration {
  declarationId: string;
  uscc: string;
  flow: TradeFlow;
  hsCode: string;
  partnerCountry: string;
  period: string;
  valueUsd: string;
  quantity?: string;
  unit?: string;
  netWeightKg?: string;
  customsPort?: string;
  tradeMode?: TradeMode;
}

export const REQUIRED_DECLARATION_FIELDS = ['declarationId', 'uscc', 'flow', 'hsCode', 'partnerCountry', 'period', 'valueUsd'] as const;
export const OPTIONAL_DECLARATION_FIELDS = ['quantity', 'unit', 'netWeightKg', 'customsPort', 'tradeMode'] as const;
export const DECLARATION_FIELDS = [...REQUIRED_DECLARATION_FIELDS, ...OPTIONAL_DECLARATION_FIELDS] as const;
export type DeclarationField = (typeof DECLARATION_FIELDS)[number];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(DECLARATION_FIELDS);

export interface DeclarationFieldError {
  field: string;
  message: string;
}

export type DeclarationCheck = { ok: true; declaration: Declaration } | { ok: false; errors: DeclarationFieldError[] };

export interface CheckOptions {
  /**
   * CSV has no null: an empty cell stands for an absent optional field (and for a missing
   * required one). In JSON an optional field may be left out or be null.
   */
  emptyIsAbsent?: boolean;
  /** The caller built the object from known fields only (a CSV row after its header was checked). */
  knownFieldsOnly?: boolean;
}

/** `isPeriod` and `isMoneyString` (positive) of the domain, without their allocations: checked equal in the spec. */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const POSITIVE_MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const NON_ZERO_DIGIT = /[1-9]/;

function fastIsPeriod(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = PERIOD.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  return year >= PERIOD_MIN_YEAR && year <= PERIOD_MAX_YEAR;
}

function fastIsPositiveMoney(value: unknown): boolean {
  return typeof value === 'string' && POSITIVE_MONEY.test(value) && NON_ZERO_DIGIT.test(value);
}

// The catalogues as local sets: the hot path calls these millions of times (REFERENCE_CHECKS below).
const COUNTRIES: ReadonlySet<unknown> = new Set(Object.keys(COUNTRY_NAMES));
const PORTS: ReadonlySet<unknown> = new Set(CUSTOMS_PORTS.map((port) => port.code));
const FLOWS: ReadonlySet<unknown> = new Set(TRADE_FLOWS);
const MODES: ReadonlySet<unknown> = new Set(TRADE_MODES);

function isAbsent(value: unknown, emptyIsAbsent: boolean): boolean {
  return value === undefined || value === null || (emptyIsAbsent && value === '');
}

/*
 * The same rules as the contract's class-validator classes (`TradeDeclarationV1`), written out by
 * hand: every row of a 1 GB import and every consumed declaration passes here, and class-validator
 * costs tens of microseconds a row. `declaration.rules.spec.ts` checks that both always agree.
 * USCC verdicts are memoised: a feed names the same few thousand enterprises over and over.
 */
const usccVerdicts = new Map<string, string | null>();

function usccProblem(value: string): string | null {
  let verdict = usccVerdicts.get(value);
  if (verdict === undefined) {
    const problems = validateUscc(value);
    verdict = problems.length === 0 ? null : `uscc must be a valid unified social credit code (GB 32100-2015): ${problems.join('; ')}`;
    if (usccVerdicts.size > 100_000) usccVerdicts.clear();
    usccVerdicts.set(value, verdict);
  }
  return verdict;
}

const hsVerdicts = new Map<string, string | null>();

function hsProblem(value: string): string | null {
  let verdict = hsVerdicts.get(value);
  if (verdict === undefined) {
    const problems = validateHsCode(value);
    verdict = problems.length === 0 ? null : `hsCode must be an HS commodity code of 6 to 10 digits whose chapter exists: ${problems.join('; ')}`;
    if (hsVerdicts.size > 100_000) hsVerdicts.clear();
    hsVerdicts.set(value, verdict);
  }
  return verdict;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : typeof value;
}

/** Quantities may come as JSON numbers; they are kept as exact decimal strings. */
function decimalString(value: unknown): string | undefined {
  if (typeof value === 'string') return DECIMAL_QUANTITY_PATTERN.test(value) ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    const text = String(value);
    return DECIMAL_QUANTITY_PATTERN.test(text) ? text : undefined;
  }
  return undefined;
}

/** What is wrong with a present optional field, or undefined. */
function optionalFieldProblem(field: (typeof OPTIONAL_DECLARATION_FIELDS)[number], value: unknown): string | undefined {
  switch (field) {
    case 'quantity':
    case 'netWeightKg':
      return decimalString(value) === undefined
        ? `${field} must be a non-negative decimal with at most 6 decimals, e.g. "1250.5" (got ${describe(value)})`
        : undefined;
    case 'unit':
      return typeof value === 'string' && UNIT_PATTERN.test(value)
        ? undefined
        : `unit must be a unit of measure of 1 to 20 letters or digits, e.g. "KG" or "PCS" (got ${describe(value)})`;
    case 'customsPort':
      return PORTS.has(value)
        ? undefined
        : `customsPort must be the code of a customs port of the region, e.g. "KHORGOS" or "ALASHANKOU" (got ${describe(value)})`;
    case 'tradeMode':
      return MODES.has(value) ? undefined : `tradeMode must be one of ${TRADE_MODES.join(', ')} (got ${describe(value)})`;
  }
}

/** Checks one row (a JSON object or a CSV record) against the declaration contract; every problem is listed with its field. */
export function checkDeclaration(raw: unknown, options: CheckOptions = {}): DeclarationCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', message: `a declaration must be a JSON object (got ${describe(raw)})` }] };
  }
  const row = raw as Record<string, unknown>;
  const errors: DeclarationFieldError[] = [];
  const emptyIsAbsent = options.emptyIsAbsent === true;
  const absent = (value: unknown): boolean => isAbsent(value, emptyIsAbsent);

  if (options.knownFieldsOnly !== true) {
    for (const key in row) {
      if (!KNOWN_FIELDS.has(key)) errors.push({ field: key, message: `property ${key} should not exist` });
    }
  }

  const { declarationId, uscc, flow, hsCode, partnerCountry, period, valueUsd } = row;
  for (const field of REQUIRED_DECLARATION_FIELDS) {
    if (absent(row[field])) errors.push({ field, message: `${field} is required` });
  }

  if (!absent(declarationId) && !(typeof declarationId === 'string' && DECLARATION_ID_PATTERN.test(declarationId))) {
    errors.push({
      field: 'declarationId',
      message: `declarationId must be 1 to 64 letters, digits or . _ : / - (starting with a letter or digit), e.g. a customs declaration number; got ${describe(declarationId)}`,
    });
  }
  if (!absent(uscc)) {
    const problem = typeof uscc === 'string' ? usccProblem(uscc) : `uscc must be a string of 18 characters (got ${describe(uscc)})`;
    if (problem !== null) errors.push({ field: 'uscc', message: problem });
  }
  if (!absent(flow) && !FLOWS.has(flow)) {
    errors.push({ field: 'flow', message: `flow must be one of ${TRADE_FLOWS.join(', ')} (got ${describe(flow)})` });
  }
  if (!absent(hsCode)) {
    const problem = typeof hsCode === 'string' ? hsProblem(hsCode) : `hsCode must be a string of 6 to 10 digits (got ${describe(hsCode)})`;
    if (problem !== null) errors.push({ field: 'hsCode', message: problem });
  }
  if (!absent(partnerCountry) && !COUNTRIES.has(partnerCountry)) {
    errors.push({
      field: 'partnerCountry',
      message: `partnerCountry must be an ISO 3166-1 alpha-2 country code in upper case, e.g. "KZ" (got ${describe(partnerCountry)})`,
    });
  }
  if (!absent(period) && !fastIsPeriod(period)) {
    errors.push({
      field: 'period',
      message: `period must be a month written YYYY-MM, from ${PERIOD_MIN_YEAR}-01 to ${PERIOD_MAX_YEAR}-12, e.g. "2026-03" (got ${describe(period)})`,
    });
  }
  if (!absent(valueUsd) && !fastIsPositiveMoney(valueUsd)) {
    errors.push({
      field: 'valueUsd',
      message: `valueUsd must be a positive amount written as a decimal string with at most 2 decimals and at most ${MONEY_MAX_INTEGER_DIGITS} digits before the point, e.g. "125000.00" (got ${describe(valueUsd)})`,
    });
  }

  // A valid row that needs no normalising (no nulls, no empty cells, quantities already strings)
  // is returned as it is: no copy per row on the hot paths.
  let normalised = false;
  for (const field of OPTIONAL_DECLARATION_FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    if (absent(value)) {
      normalised = true;
      continue;
    }
    const problem = optionalFieldProblem(field, value);
    if (problem !== undefined) errors.push({ field, message: problem });
    else if (typeof value !== 'string') normalised = true;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (!normalised) return { ok: true, declaration: row as unknown as Declaration };
  const declaration: Declaration = {
    declarationId: declarationId as string,
    uscc: uscc as string,
    flow: flow as TradeFlow,
    hsCode: hsCode as string,
    partnerCountry: partnerCountry as string,
    period: period as string,
    valueUsd: valueUsd as string,
  };
  for (const field of OPTIONAL_DECLARATION_FIELDS) {
    const value = row[field];
    if (!absent(value)) declaration[field] = (field === 'quantity' || field === 'netWeightKg' ? decimalString(value) : value) as never;
  }
  return { ok: true, declaration };
}

/** The domain's checks the fast ones above stand for (the spec asserts they always agree). */
export const REFERENCE_CHECKS = {
  isPeriod,
  isMoneyString,
  fastIsPeriod,
  fastIsPositiveMoney,
  isCountryCode,
  isCustomsPortCode,
  isTradeFlow,
  isTradeMode,
  sets: { COUNTRIES, PORTS, FLOWS, MODES },
};

/**
 * Valid declarations as the contract's JSON array: JSON.stringify of the array (one flat string,
 * faster per row than any hand-written serialiser here; the objects carry the contract's fields only).
 */
export function declarationsJson(declarations: readonly Declaration[]): string {
  return JSON.stringify(declarations);
}
