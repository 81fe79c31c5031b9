/**
 * Prefecture-level divisions of the Xinjiang Uygur Autonomous Region, the region the programme
 * serves, and the county-level cities the autonomous region administers directly (XPCC cities).
 * Source: GB/T 2260 administrative division codes (Ministry of Civil Affairs, 2023 edition).
 */
export const REGION_KINDS = ['PREFECTURE_CITY', 'AUTONOMOUS_PREFECTURE', 'PREFECTURE', 'SUB_REGIONAL_CITY'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export interface Region {
  /** GB/T 2260 code. */
  readonly code: string;
  /** Short English name, as used in speech and on maps. */
  readonly name: string;
  readonly fullName: string;
  readonly nameZh: string;
  readonly kind: RegionKind;
  /** Other spellings people type (pinyin, older romanisations). */
  readonly aliases: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { code: '650100', name: 'Urumqi', fullName: 'Urumqi City', nameZh: '乌鲁木齐市', kind: 'PREFECTURE_CITY', aliases: ['Ürümqi', 'Wulumuqi'] },
  { code: '650200', name: 'Karamay', fullName: 'Karamay City', nameZh: '克拉玛依市', kind: 'PREFECTURE_CITY', aliases: ['Kelamayi'] },
  { code: '650400', name: 'Turpan', fullName: 'Turpan City', nameZh: '吐鲁番市', kind: 'PREFECTURE_CITY', aliases: ['Turfan', 'Tulufan'] },
  { code: '650500', name: 'Hami', fullName: 'Hami City', nameZh: '哈密市', kind: 'PREFECTURE_CITY', aliases: ['Kumul'] },
  { code: '652300', name: 'Changji', fullName: 'Changji Hui Autonomous Prefecture', nameZh: '昌吉回族自治州', kind: 'AUTONOMOUS_PREFECTURE', aliases: [] },
  { code: '652700', name: 'Bortala', fullName: 'Bortala Mongol Autonomous Prefecture', nameZh: '博尔塔拉蒙古自治州', kind: 'AUTONOMOUS_PREFECTURE', aliases: ['Boertala'] },
  {
    code: '652800',
    name: 'Bayingolin',
    fullName: 'Bayingolin Mongol Autonomous Prefecture',
    nameZh: '巴音郭楞蒙古自治州',
    kind: 'AUTONOMOUS_PREFECTURE',
    aliases: ['Bayinguoleng', 'Bayingol'],
  },
  { code: '652900', name: 'Aksu', fullName: 'Aksu Prefecture', nameZh: '阿克苏地区', kind: 'PREFECTURE', aliases: ['Akesu'] },
  {
    code: '653000',
    name: 'Kizilsu',
    fullName: 'Kizilsu Kirghiz Autonomous Prefecture',
    nameZh: '克孜勒苏柯尔克孜自治州',
    kind: 'AUTONOMOUS_PREFECTURE',
    aliases: ['Kezilesu', 'Qizilsu'],
  },
  { code: '653100', name: 'Kashgar', fullName: 'Kashgar Prefecture', nameZh: '喀什地区', kind: 'PREFECTURE', aliases: ['Kashi', 'Qashqar'] },
  { code: '653200', name: 'Hotan', fullName: 'Hotan Prefecture', nameZh: '和田地区', kind: 'PREFECTURE', aliases: ['Khotan', 'Hetian'] },
  { code: '654000', name: 'Ili', fullName: 'Ili Kazakh Autonomous Prefecture', nameZh: '伊犁哈萨克自治州', kind: 'AUTONOMOUS_PREFECTURE', aliases: ['Yili'] },
  { code: '654200', name: 'Tacheng', fullName: 'Tacheng Prefecture', nameZh: '塔城地区', kind: 'PREFECTURE', aliases: ['Qoqek', 'Chuguchak'] },
  { code: '654300', name: 'Altay', fullName: 'Altay Prefecture', nameZh: '阿勒泰地区', kind: 'PREFECTURE', aliases: ['Aletai', 'Altai'] },
  { code: '659001', name: 'Shihezi', fullName: 'Shihezi City', nameZh: '石河子市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659002', name: 'Aral', fullName: 'Aral City', nameZh: '阿拉尔市', kind: 'SUB_REGIONAL_CITY', aliases: ['Alaer'] },
  { code: '659003', name: 'Tumxuk', fullName: 'Tumxuk City', nameZh: '图木舒克市', kind: 'SUB_REGIONAL_CITY', aliases: ['Tumushuke'] },
  { code: '659004', name: 'Wujiaqu', fullName: 'Wujiaqu City', nameZh: '五家渠市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659005', name: 'Beitun', fullName: 'Beitun City', nameZh: '北屯市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659006', name: 'Tiemenguan', fullName: 'Tiemenguan City', nameZh: '铁门关市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659007', name: 'Shuanghe', fullName: 'Shuanghe City', nameZh: '双河市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659008', name: 'Kokdala', fullName: 'Kokdala City', nameZh: '可克达拉市', kind: 'SUB_REGIONAL_CITY', aliases: ['Kekedala'] },
  { code: '659009', name: 'Kunyu', fullName: 'Kunyu City', nameZh: '昆玉市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659010', name: 'Huyanghe', fullName: 'Huyanghe City', nameZh: '胡杨河市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659011', name: 'Xinxing', fullName: 'Xinxing City', nameZh: '新星市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
  { code: '659012', name: 'Baiyang', fullName: 'Baiyang City', nameZh: '白杨市', kind: 'SUB_REGIONAL_CITY', aliases: [] },
];

/** Case, accents, spacing and a trailing administrative suffix do not matter when people type names. */
function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function chineseShortName(nameZh: string): string {
  return nameZh.replace(/(市|地区|自治州)$/, '').replace(/(回族|蒙古|柯尔克孜|哈萨克)$/, '');
}

const REGION_CODE_BY_KEY: ReadonlyMap<string, string> = new Map(
  REGIONS.flatMap((region) =>
    [region.code, region.name, region.fullName, region.nameZh, chineseShortName(region.nameZh), ...region.aliases].map(
      (key) => [normaliseName(key), region.code] as const,
    ),
  ),
);

/**
 * The GB/T 2260 code of a region given its code, its English name or alias (any case, with or
 * without diacritics), or its Chinese name (full or without 市/地区/自治州); undefined when unknown.
 */
export function resolveRegion(codeOrName: unknown): string | undefined {
  if (typeof codeOrName !== 'string') return undefined;
  return REGION_CODE_BY_KEY.get(normaliseName(codeOrName));
}

export function findRegion(code: string): Region | undefined {
  return REGIONS.find((region) => region.code === code);
}

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGIONS.some((region) => region.code === value);
}
