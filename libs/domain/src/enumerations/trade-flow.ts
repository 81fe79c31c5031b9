/** Direction of a customs declaration, seen from the region. */
export const TRADE_FLOWS = ['EXPORT', 'IMPORT'] as const;
export type TradeFlow = (typeof TRADE_FLOWS)[number];

export function isTradeFlow(value: unknown): value is TradeFlow {
  return typeof value === 'string' && (TRADE_FLOWS as readonly string[]).includes(value);
}
