/**
 * Kinds of special economic zone. DEVELOPMENT_ZONE is a national economic and technological or
 * high-tech development zone; ECONOMIC_DEVELOPMENT_ZONE is one of the two special economic
 * development zones of Kashgar and Khorgos (State Council, 2011), which have wider policies.
 */
export const ZONE_KINDS = [
  'DEVELOPMENT_ZONE',
  'EXPORT_PROCESSING_ZONE',
  'BORDER_ECONOMIC_COOPERATION_ZONE',
  'COMPREHENSIVE_BONDED_ZONE',
  'COOPERATION_CENTRE',
  'ECONOMIC_DEVELOPMENT_ZONE',
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export interface Zone {
  /** Upper case, hyphen-separated: place then kind, e.g. `YINING-BECZ`. */
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  readonly kind: ZoneKind;
  /** GB/T 2260 code of the prefecture-level region it lies in (see `REGIONS`). */
  readonly regionCode: string;
}

/** Shape of a zone code, for codes that may be added to the catalogue later. */
export const ZONE_CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/;

/**
 * National-level zones in the region.
 * Sources: MOFCOM list of national economic and technological development zones and of border
 * economic cooperation zones; MOST list of national high-tech zones; GACC list of special customs
 * supervision areas (comprehensive bonded zones, export processing zones); State Council
 * approvals of the Kashgar and Khorgos economic development zones (2011) and of the China–
 * Kazakhstan Khorgos International Border Cooperation Centre (2006).
 */
export const ZONES: readonly Zone[] = [
  { code: 'URUMQI-ETDZ', name: 'Urumqi Economic and Technological Development Zone', nameZh: '乌鲁木齐经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '650100' },
  { code: 'URUMQI-HTZ', name: 'Urumqi High-tech Industrial Development Zone', nameZh: '乌鲁木齐高新技术产业开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '650100' },
  { code: 'GANQUANPU-ETDZ', name: 'Ganquanpu Economic and Technological Development Zone', nameZh: '甘泉堡经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '650100' },
  { code: 'SHIHEZI-ETDZ', name: 'Shihezi Economic and Technological Development Zone', nameZh: '石河子经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '659001' },
  { code: 'KUITUN-ETDZ', name: 'Kuitun-Dushanzi Economic and Technological Development Zone', nameZh: '奎屯—独山子经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '654000' },
  { code: 'KORLA-ETDZ', name: 'Korla Economic and Technological Development Zone', nameZh: '库尔勒经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '652800' },
  { code: 'ZHUNDONG-ETDZ', name: 'Zhundong Economic and Technological Development Zone', nameZh: '准东经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '652300' },
  { code: 'CHANGJI-HTZ', name: 'Changji High-tech Industrial Development Zone', nameZh: '昌吉高新技术产业开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '652300' },
  { code: 'WUJIAQU-ETDZ', name: 'Wujiaqu Economic and Technological Development Zone', nameZh: '五家渠经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '659004' },
  { code: 'ALAR-ETDZ', name: 'Alar Economic and Technological Development Zone', nameZh: '阿拉尔经济技术开发区', kind: 'DEVELOPMENT_ZONE', regionCode: '659002' },
  { code: 'KASHGAR-EDZ', name: 'Kashgar Economic Development Zone', nameZh: '喀什经济开发区', kind: 'ECONOMIC_DEVELOPMENT_ZONE', regionCode: '653100' },
  { code: 'KHORGOS-EDZ', name: 'Khorgos (Horgos) Economic Development Zone', nameZh: '霍尔果斯经济开发区', kind: 'ECONOMIC_DEVELOPMENT_ZONE', regionCode: '654000' },
  { code: 'URUMQI-EPZ', name: 'Urumqi Export Processing Zone', nameZh: '乌鲁木齐出口加工区', kind: 'EXPORT_PROCESSING_ZONE', regionCode: '650100' },
  { code: 'YINING-BECZ', name: 'Yining Border Economic Cooperation Zone', nameZh: '伊宁边境经济合作区', kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '654000' },
  { code: 'BOLE-BECZ', name: 'Bole Border Economic Cooperation Zone', nameZh: '博乐边境经济合作区', kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '652700' },
  { code: 'TACHENG-BECZ', name: 'Tacheng Border Economic Cooperation Zone', nameZh: '塔城边境经济合作区', kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '654200' },
  { code: 'JEMINAY-BECZ', name: 'Jeminay Border Economic Cooperation Zone', nameZh: '吉木乃边境经济合作区', kind: 'BORDER_ECONOMIC_COOPERATION_ZONE', regionCode: '654300' },
  { code: 'ALASHANKOU-CBZ', name: 'Alashankou Comprehensive Bonded Zone', nameZh: '阿拉山口综合保税区', kind: 'COMPREHENSIVE_BONDED_ZONE', regionCode: '652700' },
  { code: 'KASHGAR-CBZ', name: 'Kashgar Comprehensive Bonded Zone', nameZh: '喀什综合保税区', kind: 'COMPREHENSIVE_BONDED_ZONE', regionCode: '653100' },
  { code: 'URUMQI-CBZ', name: 'Urumqi Comprehensive Bonded Zone', nameZh: '乌鲁木齐综合保税区', kind: 'COMPREHENSIVE_BONDED_ZONE', regionCode: '650100' },
  {
    code: 'KHORGOS-ICBC',
    name: 'China–Kazakhstan Khorgos International Border Cooperation Centre',
    nameZh: '中哈霍尔果斯国际边境合作中心',
    kind: 'COOPERATION_CENTRE',
    regionCode: '654000',
  },
];

const ZONES_BY_CODE: ReadonlyMap<string, Zone> = new Map(ZONES.map((zone) => [zone.code, zone]));

export function findZone(code: string): Zone | undefined {
  return ZONES_BY_CODE.get(code);
}

/** Whether `value` is the code of a zone in the catalogue. */
export function isZoneCode(value: unknown): value is string {
  return typeof value === 'string' && ZONES_BY_CODE.has(value);
}

export function zonesOfKind(kind: ZoneKind): Zone[] {
  return ZONES.filter((zone) => zone.kind === kind);
}
