import { catalogueKey } from '../catalogue-key';

/**
 * Customs trade mode (贸易方式) of a declaration, grouped as the programme reports them.
 * Source: GACC trade-mode codes (监管方式代码), e.g. 0110 general trade, 0214/0615 processing
 * trade, 4019 border small-scale trade, 1233/1234 bonded logistics; everything else is OTHER.
 */
export const TRADE_MODES = ['GENERAL_TRADE', 'PROCESSING_TRADE', 'BORDER_SMALL_SCALE', 'BONDED_LOGISTICS', 'OTHER'] as const;
export type TradeMode = (typeof TRADE_MODES)[number];

export function isTradeMode(value: unknown): value is TradeMode {
  return typeof value === 'string' && (TRADE_MODES as readonly string[]).includes(value);
}

const TRADE_MODE_BY_KEY: ReadonlyMap<string, TradeMode> = new Map(TRADE_MODES.map((mode) => [mode, mode] as const));

/** The trade mode however written (`catalogueKey`: `general trade` → `GENERAL_TRADE`); undefined when it is none of `TRADE_MODES`. */
export function resolveTradeMode(value: unknown): TradeMode | undefined {
  if (typeof value !== 'string') return undefined;
  return TRADE_MODE_BY_KEY.get(catalogueKey(value));
}
