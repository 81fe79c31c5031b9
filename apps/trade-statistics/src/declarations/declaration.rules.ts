import {
  DECIMAL_QUANTITY_PATTERN,
  DECLARATION_ID_PATTERN,
  UNIT_PATTERN,
} from '@westgate/contracts';
import {
  isCountryCode,
  isCustomsPortCode,
  isMoneyString,
  isPeriod,
  isTradeFlow,
  isTradeMode,
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

/** Checks one row (a JSON object or a CSV record) against the declaration contract; every problem is listed with its field. */
export function checkDeclaration(raw: unknown, options: CheckOptions = {}): DeclarationCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', message: `a declaration must be a JSON object (got ${describe(raw)})` }] };
  }
  const row = raw as Record<string, unknown>;
  const errors: DeclarationFieldError[] = [];
  const absent = (value: unknown): boolean =>
    value === undefined || value === null || (options.emptyIsAbsent === true && value === '');

  for (const key of Object.keys(row)) {
    if (!KNOWN_FIELDS.has(key)) errors.push({ field: key, message: `property ${key} should not exist` });
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
  if (!absent(flow) && !isTradeFlow(flow)) {
    errors.push({ field: 'flow', message: `flow must be one of ${TRADE_FLOWS.join(', ')} (got ${describe(flow)})` });
  }
  if (!absent(hsCode)) {
    const problem = typeof hsCode === 'string' ? hsProblem(hsCode) : `hsCode must be a string of 6 to 10 digits (got ${describe(hsCode)})`;
    if (problem !== null) errors.push({ field: 'hsCode', message: problem });
  }
  if (!absent(partnerCountry) && !isCountryCode(partnerCountry)) {
    errors.push({
      field: 'partnerCountry',
      message: `partnerCountry must be an ISO 3166-1 alpha-2 country code in upper case, e.g. "KZ" (got ${describe(partnerCountry)})`,
    });
  }
  if (!absent(period) && !isPeriod(period)) {
    errors.push({
      field: 'period',
      message: `period must be a month written YYYY-MM, from ${PERIOD_MIN_YEAR}-01 to ${PERIOD_MAX_YEAR}-12, e.g. "2026-03" (got ${describe(period)})`,
    });
  }
  if (!absent(valueUsd) && !isMoneyString(valueUsd)) {
    errors.push({
      field: 'valueUsd',
      message: `valueUsd must be a positive amount written as a decimal string with at most 2 decimals and at most ${MONEY_MAX_INTEGER_DIGITS} digits before the point, e.g. "125000.00" (got ${describe(valueUsd)})`,
    });
  }

  const declaration: Declaration = {
    declarationId: declarationId as string,
    uscc: uscc as string,
    flow: flow as TradeFlow,
    hsCode: hsCode as string,
    partnerCountry: partnerCountry as string,
    period: period as string,
    valueUsd: valueUsd as string,
  };

  if (!absent(row.quantity)) {
    const quantity = decimalString(row.quantity);
    if (quantity === undefined) {
      errors.push({ field: 'quantity', message: `quantity must be a non-negative decimal with at most 6 decimals, e.g. "1250.5" (got ${describe(row.quantity)})` });
    } else declaration.quantity = quantity;
  }
  if (!absent(row.netWeightKg)) {
    const weight = decimalString(row.netWeightKg);
    if (weight === undefined) {
      errors.push({ field: 'netWeightKg', message: `netWeightKg must be a non-negative decimal with at most 6 decimals, e.g. "1250.5" (got ${describe(row.netWeightKg)})` });
    } else declaration.netWeightKg = weight;
  }
  if (!absent(row.unit)) {
    if (typeof row.unit === 'string' && UNIT_PATTERN.test(row.unit)) declaration.unit = row.unit;
    else errors.push({ field: 'unit', message: `unit must be a unit of measure of 1 to 20 letters or digits, e.g. "KG" or "PCS" (got ${describe(row.unit)})` });
  }
  if (!absent(row.customsPort)) {
    if (isCustomsPortCode(row.customsPort)) declaration.customsPort = row.customsPort;
    else errors.push({ field: 'customsPort', message: `customsPort must be the code of a customs port of the region, e.g. "KHORGOS" or "ALASHANKOU" (got ${describe(row.customsPort)})` });
  }
  if (!absent(row.tradeMode)) {
    if (isTradeMode(row.tradeMode)) declaration.tradeMode = row.tradeMode;
    else errors.push({ field: 'tradeMode', message: `tradeMode must be one of ${TRADE_MODES.join(', ')} (got ${describe(row.tradeMode)})` });
  }

  return errors.length === 0 ? { ok: true, declaration } : { ok: false, errors };
}
