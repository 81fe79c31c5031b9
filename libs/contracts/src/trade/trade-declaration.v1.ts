import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  IsCountryCode,
  IsHsCode,
  IsMoney,
  IsPeriod,
  IsUscc,
  isCustomsPortCode,
  TRADE_FLOWS,
  TRADE_MODES,
  type TradeFlow,
  type TradeMode,
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

  @IsOptional()
  @ValidateBy({
    name: 'isCustomsPortCode',
    validator: {
      validate: (value: unknown) => isCustomsPortCode(value),
      defaultMessage: () => '$property must be the code of a customs port of the region, e.g. "KHORGOS" or "ALASHANKOU"',
    },
  })
  customsPort?: string;

  @IsOptional()
  @IsIn(TRADE_MODES)
  tradeMode?: TradeMode;
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
