import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/** How money looks in every response: US dollars as a decimal string with two decimals. */
export const MONEY_EXAMPLE = '1500000.00';

/** A money field (USD, decimal string). */
export function ApiMoney(description: string, options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ type: String, example: MONEY_EXAMPLE, description: `${description} (USD, decimal string)`, ...options } as ApiPropertyOptions);
}

/** A month written YYYY-MM. */
export function ApiPeriod(description: string, options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ type: String, example: '2026-03', description: `${description} (YYYY-MM)`, ...options } as ApiPropertyOptions);
}

/** A share or ratio: a fraction (0.25 = 25 %). */
export function ApiRatio(description: string, options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ type: Number, example: 0.25, description, ...options } as ApiPropertyOptions);
}
