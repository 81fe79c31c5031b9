import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  IsCountryCode,
  IsHsCode,
  IsMoney,
  IsPeriod,
  IsUscc,
  resolveCustomsPort,
  resolveTradeMode,
  TRADE_FLOWS,
  TRADE_MODES,
  type TradeFlow,
} from '@westgate/domain';

/**
 * # Ingest topic `westgate.trade.declaration.v1`
 *
 * Customs-style trade declarations enter trade-statistics through this topic only: the service's
 * own HTTP paths (`POST /api/v1/declarations`, the streamed CSV import) publish here, and so may
 * external producers (a customs data feed, a batch loader).
 *
 * **Message format: a batch envelope.** For throughput one Kafka message carries up to
 * `MAX_DECLARATIONS_PER_MESSAGE` declarations of ONE enterprise: a CloudEvents 1.0 document
 * (structured mode, as every Westgate event) of type `westgate.trade.declaration.submitted.v1`
 * whose `data` is a `TradeDeclarationBatchV1`:
 *
 * ```json
 * { "specversion": "1.0", "id": "<uuid>", "source": "/customs-feed", "type": "westgate.trade.declaration.submitted.v1",
 *   "subject": "91650100MA77XKPQ1B", "time": "2026-03-01T10:00:00Z", "datacontenttype": "application/json",
 *   "correlationid": "<id>",
 *   "data": { "uscc": "91650100MA77XKPQ1B", "declarations": [
 *     { "declarationId": "650120260000123456", "uscc": "91650100MA77XKPQ1B", "flow": "EXPORT", "hsCode": "8471300000",
 *       "partnerCountry": "KZ", "period": "2026-02", "valueUsd": "125000.00", "customsPort": "KHORGOS" } ] } }
 * ```
 *
 * - **Key and partitioning**: the Kafka message key is the USCC (`subject` = `data.uscc` = every
 *   declaration's `uscc`), and the producer uses Kafka's default (murmur2) partitioner, so one
 *   enterprise's declarations always travel in the same partition.
 * - **Idempotency**: `declarationId` identifies a declaration for good. A declaration whose id was
 *   seen before is ignored (not counted twice), whether it comes again in the same message, in
 *   another message, or after a redelivery; the envelope `id` plays no part in that.
 * - **Validation**: the consumer checks every message against these classes. A message that is
 *   not a valid envelope of this type is dead-lettered whole; in a valid envelope the valid
 *   declarations are applied and the invalid ones are dead-lettered (as a message of the same
 *   type holding just them), each with its reason, to `westgate.dlq.<consumer group>`.
 * - Money is a decimal string (USD, at most 2 decimals, positive); quantities are decimal strings.
 * - `customsPort` and `tradeMode` are names as declared (`DECLARED_NAME_PATTERN`): a port of the
 *   catalogue given by code or name, or one of `TRADE_MODES` in any case, is read as its canonical
 *   code (`declaredCustomsPort`, `declaredTradeMode`); any other safe name is kept as given.
 * - Limits: at most 1,000 declarations and 1 MB per message (the broker's `message.max.bytes`).
 */
export const MAX_DECLARATIONS_PER_MESSAGE = 1000;

/**
 * A declaration's own id, e.g. the 18-digit customs declaration number (报关单号) or a UUID: 1 to
 * 64 characters of letters, digits and `. _ : / -`, starting with a letter or digit.
 */
export const DECLARATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** Quantities and weights: a non-negative decimal string, at most 6 decimals and 18 digits before the point. */
export const DECIMAL_QUANTITY_PATTERN = /^\d{1,18}(\.\d{1,6})?$/;

/** Customs unit of measure as declared, e.g. `KG`, `PCS`, `千克`: 1–20 letters, digits, spaces or `. _ / % -`. */
export const UNIT_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._/%-]{0,19}$/u;

/**
 * A customs port or trade mode as declared, when it is not one the catalogues know: 1 to 64
 * Unicode letters, digits, spaces or `. _ - / ( ) ,`, starting with a letter or digit. No tab,
 * line break, backslash or other control character: trade-statistics writes these values
 * unescaped into PostgreSQL COPY text (`copyText` in record-declarations.usecase.ts).
 */
export const DECLARED_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._/(),-]{0,63}$/u;

/** `DECLARED_NAME_PATTERN` in words, for error messages and API documentation. */
export const DECLARED_NAME_RULE = '1 to 64 letters, digits, spaces or . _ - / ( ) , starting with a letter or digit';

/**
 * The customs port a declaration is stored with, or undefined when it is not acceptable: a port of
 * the catalogue (`CUSTOMS_PORTS`) given by its code or name, in any case and with spaces, hyphens
 * and underscores alike, becomes its code (`Khorgos` → `KHORGOS`); any other name matching
 * `DECLARED_NAME_PATTERN` once trimmed is kept as given (trimmed).
 */
export function declaredCustomsPort(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!DECLARED_NAME_PATTERN.test(text)) return undefined;
  return resolveCustomsPort(text) ?? text;
}

/**
 * The trade mode a declaration is stored with, or undefined when it is not acceptable: one of
 * `TRADE_MODES` in any case, with spaces or hyphens for its underscores, becomes that value
 * (`general trade` → `GENERAL_TRADE`); any other name matching `DECLARED_NAME_PATTERN` once
 * trimmed (a customs code such as `0110`, a local label) is kept as given (trimmed).
 */
export function declaredTradeMode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!DECLARED_NAME_PATTERN.test(text)) return undefined;
  return resolveTradeMode(text) ?? text;
}


/** One customs declaration (one line of goods), as API.md defines it. */
export class TradeDeclarationV1 {
  @IsString()
  @Matches(DECLARATION_ID_PATTERN, {
    message: '$property must be 1 to 64 letters, digits or . _ : / - (starting with a letter or digit), e.g. a customs declaration number',
  })
  declarationId!: string;

  @IsUscc()
  uscc!: string;

  @IsIn(TRADE_FLOWS)
  flow!: TradeFlow;

  @IsHsCode()
  hsCode!: string;

  @IsCountryCode()
  partnerCountry!: string;

  @IsPeriod()
  period!: string;

  @IsMoney()
  valueUsd!: string;

  @IsOptional()
  @IsString()
  @Matches(DECIMAL_QUANTITY_PATTERN, { message: '$property must be a non-negative decimal string with at most 6 decimals, e.g. "1250.5"' })
  quantity?: string;

  @IsOptional()
  @IsString()
  @Matches(UNIT_PATTERN, { message: '$property must be a unit of measure of 1 to 20 letters or digits, e.g. "KG" or "PCS"' })
  unit?: string;

  @IsOptional()
  @IsString()
  @Matches(DECIMAL_QUANTITY_PATTERN, { message: '$property must be a non-negative decimal string with at most 6 decimals, e.g. "1250.5"' })
  netWeightKg?: string;

  /** A catalogue port by code or name is read as its code (`declaredCustomsPort`); any other declared name is kept. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (declaredCustomsPort(value) ?? value.trim()) : value), { toClassOnly: true })
  @IsString()
  @Matches(DECLARED_NAME_PATTERN, {
    message: `$property must be a customs port's code or name, e.g. "KHORGOS" or "Khorgos", or another port's name of ${DECLARED_NAME_RULE}`,
  })
  customsPort?: string;

  /** One of `TRADE_MODES` in any case is read as that value (`declaredTradeMode`); any other declared name is kept. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (declaredTradeMode(value) ?? value.trim()) : value), { toClassOnly: true })
  @IsString()
  @Matches(DECLARED_NAME_PATTERN, {
    message: `$property must be one of ${TRADE_MODES.join(', ')} (any case), or another trade mode of ${DECLARED_NAME_RULE}`,
  })
  tradeMode?: string;
}

/** `data` of one message on the ingest topic: declarations of one enterprise. */
export class TradeDeclarationBatchV1 {
  /** The enterprise whose declarations these are; also the message key and the envelope's `subject`. */
  @IsUscc()
  uscc!: string;

  /** Set by trade-statistics' CSV import so that the import's progress can be followed; external producers leave it out. */
  @IsOptional()
  @IsUUID()
  importId?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DECLARATIONS_PER_MESSAGE)
  @ValidateNested({ each: true })
  @Type(() => TradeDeclarationV1)
  declarations!: TradeDeclarationV1[];
}
