import type { CountryCode } from '../countries/countries';
import { catalogueKey } from '../catalogue-key';

export const CUSTOMS_PORT_MODES = ['ROAD', 'RAIL', 'AIR'] as const;
export type CustomsPortMode = (typeof CUSTOMS_PORT_MODES)[number];

export interface CustomsPort {
  /** Upper case, hyphen-separated. */
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  readonly modes: readonly CustomsPortMode[];
  /** The neighbouring country a land port faces; undefined for airports, which face no one country. */
  readonly facing: CountryCode | undefined;
  /** GB/T 2260 code of the prefecture-level region it lies in. */
  readonly regionCode: string;
}

/**
 * Open ports of entry of the region: its land border ports and its main international airports.
 * Source: GACC / National Office of Port Administration list of open ports (国家口岸管理办公室,
 * 对外开放口岸), Xinjiang section; a port open only seasonally is still listed.
 */
export const CUSTOMS_PORTS: readonly CustomsPort[] = [
  { code: 'KHORGOS', name: 'Khorgos', nameZh: '霍尔果斯', modes: ['ROAD', 'RAIL'], facing: 'KZ', regionCode: '654000' },
  { code: 'ALASHANKOU', name: 'Alashankou', nameZh: '阿拉山口', modes: ['ROAD', 'RAIL'], facing: 'KZ', regionCode: '652700' },
  { code: 'BAKETU', name: 'Baketu', nameZh: '巴克图', modes: ['ROAD'], facing: 'KZ', regionCode: '654200' },
  { code: 'JEMINAY', name: 'Jeminay', nameZh: '吉木乃', modes: ['ROAD'], facing: 'KZ', regionCode: '654300' },
  { code: 'DULATA', name: 'Dulata', nameZh: '都拉塔', modes: ['ROAD'], facing: 'KZ', regionCode: '654000' },
  { code: 'MUZART', name: 'Muzart', nameZh: '木扎尔特', modes: ['ROAD'], facing: 'KZ', regionCode: '654000' },
  { code: 'TORUGART', name: 'Torugart', nameZh: '吐尔尕特', modes: ['ROAD'], facing: 'KG', regionCode: '653000' },
  { code: 'IRKESHTAM', name: 'Irkeshtam', nameZh: '伊尔克什坦', modes: ['ROAD'], facing: 'KG', regionCode: '653000' },
  { code: 'KARASU', name: 'Karasu (Kulma Pass)', nameZh: '卡拉苏', modes: ['ROAD'], facing: 'TJ', regionCode: '653100' },
  { code: 'KHUNJERAB', name: 'Khunjerab', nameZh: '红其拉甫', modes: ['ROAD'], facing: 'PK', regionCode: '653100' },
  { code: 'TAKESHIKEN', name: 'Takeshiken', nameZh: '塔克什肯', modes: ['ROAD'], facing: 'MN', regionCode: '654300' },
  { code: 'HONGSHANZUI', name: 'Hongshanzui', nameZh: '红山嘴', modes: ['ROAD'], facing: 'MN', regionCode: '654300' },
  { code: 'LAOYEMIAO', name: 'Laoyemiao', nameZh: '老爷庙', modes: ['ROAD'], facing: 'MN', regionCode: '650500' },
  { code: 'WULASTAI', name: 'Wulastai', nameZh: '乌拉斯台', modes: ['ROAD'], facing: 'MN', regionCode: '652300' },
  { code: 'URUMQI-AIRPORT', name: 'Urumqi Diwopu International Airport', nameZh: '乌鲁木齐地窝堡国际机场', modes: ['AIR'], facing: undefined, regionCode: '650100' },
  { code: 'KASHGAR-AIRPORT', name: 'Kashgar Airport', nameZh: '喀什机场', modes: ['AIR'], facing: undefined, regionCode: '653100' },
];

const PORTS_BY_CODE: ReadonlyMap<string, CustomsPort> = new Map(CUSTOMS_PORTS.map((port) => [port.code, port]));

export function findCustomsPort(code: string): CustomsPort | undefined {
  return PORTS_BY_CODE.get(code);
}

export function isCustomsPortCode(value: unknown): value is string {
  return typeof value === 'string' && PORTS_BY_CODE.has(value);
}

const PORT_CODE_BY_KEY: ReadonlyMap<string, string> = new Map(
  CUSTOMS_PORTS.flatMap((port) => [port.code, port.name, port.nameZh].map((key) => [catalogueKey(key), port.code] as const)),
);

/**
 * The code of a port given by its code or its name, English or Chinese, in any case and with
 * spaces, hyphens or underscores alike (`khorgos`, `Urumqi Airport`, `霍尔果斯` → `KHORGOS`,
 * `URUMQI-AIRPORT`, `KHORGOS`); undefined when the catalogue has no such port.
 */
export function resolveCustomsPort(codeOrName: unknown): string | undefined {
  if (typeof codeOrName !== 'string') return undefined;
  return PORT_CODE_BY_KEY.get(catalogueKey(codeOrName));
}

/** The land ports facing a neighbour, e.g. `portsFacing('KZ')`. */
export function portsFacing(country: CountryCode): CustomsPort[] {
  return CUSTOMS_PORTS.filter((port) => port.facing === country);
}
