/**
 * Trade fairs the programme supports by name; any other fair is given by a code of its own.
 * Sources: China–Eurasia Expo secretariat (Urumqi; successor of the Urumqi Fair, 乌洽会);
 * China Kashgar Central and South Asia Commodity Fair (Kashgar); China–Russia Expo organising
 * committee (Harbin; held with the Harbin International Economic and Trade Fair, 哈洽会).
 */
export const KNOWN_TRADE_FAIR_CODES = ['ASIA_EUROPE_EXPO', 'KASHGAR_FAIR', 'HARBIN_FAIR'] as const;
export type KnownTradeFairCode = (typeof KNOWN_TRADE_FAIR_CODES)[number];

export interface TradeFair {
  readonly code: KnownTradeFairCode;
  readonly name: string;
  readonly nameZh: string;
  readonly city: string;
}

export const TRADE_FAIRS: readonly TradeFair[] = [
  { code: 'ASIA_EUROPE_EXPO', name: 'China–Eurasia Expo (Asia-Europe Expo)', nameZh: '中国—亚欧博览会', city: 'Urumqi' },
  { code: 'KASHGAR_FAIR', name: 'China Kashgar Central and South Asia Commodity Fair', nameZh: '中国喀什—中亚南亚商品交易会', city: 'Kashgar' },
  { code: 'HARBIN_FAIR', name: 'China–Russia Expo (Harbin International Economic and Trade Fair)', nameZh: '中国—俄罗斯博览会（哈洽会）', city: 'Harbin' },
];

/** A code for a fair outside the list: upper case letter first, then letters, digits or `_`, 3–40 long. */
export const OTHER_TRADE_FAIR_CODE_PATTERN = /^[A-Z][A-Z0-9_]{2,39}$/;

export function isKnownTradeFairCode(value: unknown): value is KnownTradeFairCode {
  return typeof value === 'string' && (KNOWN_TRADE_FAIR_CODES as readonly string[]).includes(value);
}

/** A known fair or a well-formed code of another one. */
export function isTradeFairCode(value: unknown): value is string {
  return typeof value === 'string' && OTHER_TRADE_FAIR_CODE_PATTERN.test(value);
}

export function findTradeFair(code: string): TradeFair | undefined {
  return TRADE_FAIRS.find((fair) => fair.code === code);
}
