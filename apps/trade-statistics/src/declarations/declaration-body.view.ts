import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLARATION_ID_PATTERN, DECLARED_NAME_RULE } from '@westgate/contracts';
import { CUSTOMS_PORTS, PERIOD_MAX_YEAR, PERIOD_MIN_YEAR, TRADE_FLOWS, TRADE_MODES } from '@westgate/domain';
import { ApiMoney, ApiPeriod } from '../openapi.properties';

const DECLARED_NAME = `${DECLARED_NAME_RULE} (no tab, line break or backslash)`;

/**
 * One declaration as POST /declarations takes it (and a CSV row, by its header's field names), for
 * the OpenAPI document only: the rows are checked by `checkDeclaration` (declaration.rules.ts).
 */
export class DeclarationBody {
  @ApiProperty({
    example: '650120260000123456',
    pattern: DECLARATION_ID_PATTERN.source,
    description: 'the declaration\'s own id, e.g. the customs declaration number: 1 to 64 letters, digits or . _ : / - (starting with a letter or digit); a repeat is ignored, not counted twice',
  })
  declarationId!: string;

  @ApiProperty({ example: '91650100MA77T9XU4D', description: 'unified social credit code (GB 32100-2015) of the declaring enterprise' })
  uscc!: string;

  @ApiProperty({ enum: TRADE_FLOWS, example: 'EXPORT' })
  flow!: string;

  @ApiProperty({ example: '8471300000', description: 'HS commodity code of 6 to 10 digits whose chapter exists' })
  hsCode!: string;

  @ApiProperty({ example: 'KZ', description: 'partner country: ISO 3166-1 alpha-2 code in upper case' })
  partnerCountry!: string;

  @ApiPeriod(`the month of the declaration, from ${PERIOD_MIN_YEAR}-01 to ${PERIOD_MAX_YEAR}-12`)
  period!: string;

  @ApiMoney('declared value, positive, at most 2 decimals', { example: '125000.00' })
  valueUsd!: string;

  @ApiPropertyOptional({ type: String, example: '1250.5', nullable: true, description: 'non-negative decimal string (a JSON number is taken too) with at most 6 decimals' })
  quantity?: string;

  @ApiPropertyOptional({ example: 'KG', nullable: true, description: 'unit of measure as declared: 1 to 20 letters, digits, spaces or . _ / % -, e.g. "KG", "PCS", "千克"' })
  unit?: string;

  @ApiPropertyOptional({ type: String, example: '1000', nullable: true, description: 'net weight in kg: non-negative decimal string (a JSON number is taken too) with at most 6 decimals' })
  netWeightKg?: string;

  @ApiPropertyOptional({
    example: 'KHORGOS',
    nullable: true,
    maxLength: 64,
    description:
      `customs port: a port of the region by its code or its name, English or Chinese, in any case and with spaces, hyphens or underscores alike, is stored as its code ("Khorgos", "khorgos", "霍尔果斯" → "KHORGOS"; codes: ${CUSTOMS_PORTS.map((port) => port.code).join(', ')}). ` +
      `Any other port's name is kept as given (surrounding spaces removed) if it is ${DECLARED_NAME}; otherwise the row is rejected with the field customsPort`,
  })
  customsPort?: string;

  @ApiPropertyOptional({
    example: 'GENERAL_TRADE',
    nullable: true,
    maxLength: 64,
    description:
      `trade mode: one of ${TRADE_MODES.join(', ')}, in any case and with spaces or hyphens for the underscores, is stored as that value ("general trade" → "GENERAL_TRADE"). ` +
      `Any other trade mode (e.g. a customs code such as "0110") is kept as given (surrounding spaces removed) if it is ${DECLARED_NAME}; otherwise the row is rejected with the field tradeMode`,
  })
  tradeMode?: string;
}
