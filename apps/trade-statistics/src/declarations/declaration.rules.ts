import {
  DECIMAL_QUANTITY_PATTERN,
  DECLARATION_ID_PATTERN,
  DECLARED_NAME_RULE,
  declaredCustomsPort,
  declaredTradeMode,
  UNIT_PATTERN,
} from '@westgate/contracts';
import {
  COUNTRY_NAMES,
  isCountryCode,
  isTradeFlow,
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
} from '@westgate/domain';

/**
 * A declaration that passed `checkDeclaration`: the contract's `TradeDeclarationV1`, optional fields
 * left out when absent, quantities as decimal strings, `customsPort` and `tradeMode` as the contract
 * reads them (a catalogue port or trade mode as its code, any other safe name as given, trimmed).
 */
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
  /** A port code of `CUSTOMS_PORTS`, or another port's name as declared (`DECLARED_NAME_PATTERN`). */
  customsPort?: string;
  /** One of `TRADE_MODES`, or another trade mode as declared (`DECLARED_NAME_PATTERN`). */
  tradeMode?: string;
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
const FLOWS: ReadonlySet<unknown> = new Set(TRADE_FLOWS);

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

/*
 * customsPort and tradeMode are read as the contract reads them (`declaredCustomsPort`,
 * `declaredTradeMode`: trim, the safe pattern, the catalogue looked up in a Map), memoised per value
 * as given: a feed names the same few ports and modes over and over. null: not acceptable. Values
 * longer than any acceptable one with some spaces around are not kept (they would only fill the map).
 */
const portVerdicts = new Map<string, string | null>();
const modeVerdicts = new Map<string, string | null>();
const MAX_MEMOISED_NAME_LENGTH = 100;

function declaredName(value: unknown, verdicts: Map<string, string | null>, declare: (value: string) => string | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = declare(value) ?? null;
    if (value.length <= MAX_MEMOISED_NAME_LENGTH) {
      if (verdicts.size > 10_000) verdicts.clear();
      verdicts.set(value, verdict);
    }
  }
  return verdict ?? undefined;
}

function fastDeclaredCustomsPort(value: unknown): string | undefined {
  return declaredName(value, portVerdicts, declaredCustomsPort);
}

function fastDeclaredTradeMode(value: unknown): string | undefined {
  return declaredName(value, modeVerdicts, declaredTradeMode);
}

type OptionalField = (typeof OPTIONAL_DECLARATION_FIELDS)[number];

/** A present optional field as the declaration keeps it, or undefined when it is not acceptable. */
function optionalFieldValue(field: OptionalField, value: unknown): string | undefined {
  switch (field) {
    case 'quantity':
    case 'netWeightKg':
      return decimalString(value);
    case 'unit':
      return typeof value === 'string' && UNIT_PATTERN.test(value) ? value : undefined;
    case 'customsPort':
      return fastDeclaredCustomsPort(value);
    case 'tradeMode':
      return fastDeclaredTradeMode(value);
  }
}

/** What is wrong with a present optional field that `optionalFieldValue` refused. */
function optionalFieldProblem(field: OptionalField, value: unknown): string {
  switch (field) {
    case 'quantity':
    case 'netWeightKg':
      return `${field} must be a non-negative decimal with at most 6 decimals, e.g. "1250.5" (got ${describe(value)})`;
    case 'unit':
      return `unit must be a unit of measure of 1 to 20 letters or digits, e.g. "KG" or "PCS" (got ${describe(value)})`;
    case 'customsPort':
      return `customsPort must be a customs port's code or name, e.g. "KHORGOS" or "Khorgos", or another port's name of ${DECLARED_NAME_RULE} (got ${describe(value)})`;
    case 'tradeMode':
      return `tradeMode must be one of ${TRADE_MODES.join(', ')} (any case), or another trade mode of ${DECLARED_NAME_RULE} (got ${describe(value)})`;
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

  // A valid row that needs no normalising (no nulls, no empty cells, quantities already strings,
  // ports and trade modes already as kept) is returned as it is: no copy per row on the hot paths.
  let normalised = false;
  for (const field of OPTIONAL_DECLARATION_FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    if (absent(value)) {
      normalised = true;
      continue;
    }
    const kept = optionalFieldValue(field, value);
    if (kept === undefined) errors.push({ field, message: optionalFieldProblem(field, value) });
    else if (kept !== value) normalised = true;
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
    if (!absent(value)) declaration[field] = optionalFieldValue(field, value);
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
  isTradeFlow,
  declaredCustomsPort,
  declaredTradeMode,
  fastDeclaredCustomsPort,
  fastDeclaredTradeMode,
  sets: { COUNTRIES, FLOWS },
};

/**
 * Valid declarations as the contract's JSON array: JSON.stringify of the array (one flat string,
 * faster per row than any hand-written serialiser here; the objects carry the contract's fields only).
 */
export function declarationsJson(declarations: readonly Declaration[]): string {
  return JSON.stringify(declarations);
}
