/**
 * Seed step of enterprise-registry: a few hundred plausible import/export enterprises across the
 * region's prefectures, zones and sectors, registered through the HTTP API (so that every event
 * flows), then 100 BACKBONE and 100 POTENTIAL designations for the service's current cycle.
 *
 * Deterministic (a seeded generator): a second run produces the same enterprises, which the
 * registry answers with 409 ENTERPRISE_EXISTS / ALREADY_DESIGNATED, so nothing is added twice.
 */
import {
  COMMODITY_CATEGORIES,
  DESIGNATED_TIERS,
  generateUscc,
  REGIONS,
  TIER_QUOTA_PER_CYCLE,
  TRADE_MODES,
  ZONES,
  type CommodityCategory,
  type DesignatedTier,
  type Region,
  type TradeMode,
} from '@westgate/domain';
import { call, type SeedContext } from './seed-context';

export const ENTERPRISE_COUNT = 360;
const CONCURRENCY = 8;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

// Brand words seen on the region's trading houses, with their Chinese names.
const BRANDS: readonly [string, string][] = [
  ['Silk Road', '丝路'],
  ['Tianshan', '天山'],
  ['Pamir', '帕米尔'],
  ['Kunlun', '昆仑'],
  ['Golden Bridge', '金桥'],
  ['Eurasia', '亚欧'],
  ['Western Gate', '西大门'],
  ['Hanhai', '瀚海'],
  ['Green Oasis', '绿洲'],
  ['Snow Lotus', '雪莲'],
  ['Camel Bell', '驼铃'],
  ['Mountain Pass', '山口'],
  ['New Horizon', '新视野'],
  ['Tarim', '塔里木'],
  ['Junggar', '准噶尔'],
  ['Ili River', '伊犁河'],
  ['Altai Gold', '阿尔泰金'],
  ['Bogda', '博格达'],
  ['Sayram', '赛里木'],
  ['Five Stars', '五星'],
];

/** What a house of each sector calls itself, in English and Chinese. */
const TRADES: Readonly<Record<CommodityCategory, readonly [string, string][]>> = {
  AGRICULTURAL: [
    ['Agricultural Products', '农产品'],
    ['Dried Fruit and Nuts', '干果'],
    ['Tomato Products', '番茄制品'],
    ['Cotton', '棉业'],
    ['Livestock Products', '畜产品'],
  ],
  BUILDING_MATERIALS: [
    ['Building Materials', '建材'],
    ['Cement', '水泥'],
    ['Glass', '玻璃'],
  ],
  MECHANICAL_ELECTRICAL: [
    ['Machinery', '机械'],
    ['Electrical Equipment', '电气设备'],
    ['Auto Parts', '汽车配件'],
    ['Agricultural Machinery', '农机'],
  ],
  HIGH_TECH: [
    ['Photovoltaic Technology', '光伏科技'],
    ['Electronics', '电子科技'],
    ['Wind Power Equipment', '风电装备'],
  ],
  TEXTILES_LIGHT: [
    ['Textile', '纺织'],
    ['Garments', '服装'],
    ['Household Goods', '日用品'],
  ],
  CRUDE_OIL: [['Petroleum', '石油']],
  IRON_ORE: [
    ['Mining', '矿业'],
    ['Iron Ore Trading', '铁矿贸易'],
  ],
  ENERGY_BULK: [
    ['Coal and Energy', '煤炭能源'],
    ['Natural Gas', '天然气'],
  ],
  NEW_MATERIALS: [
    ['New Materials', '新材料'],
    ['Silicon Materials', '硅材料'],
  ],
  OTHER: [
    ['Logistics', '物流'],
    ['Trading', '商贸'],
  ],
};

// The exports the programme favours, and the imports it wants steady, come up more often.
const SECTOR_WEIGHTS: Readonly<Record<CommodityCategory, number>> = {
  AGRICULTURAL: 8,
  BUILDING_MATERIALS: 4,
  MECHANICAL_ELECTRICAL: 6,
  HIGH_TECH: 4,
  TEXTILES_LIGHT: 4,
  CRUDE_OIL: 1,
  IRON_ORE: 2,
  ENERGY_BULK: 2,
  NEW_MATERIALS: 2,
  OTHER: 2,
};
const WEIGHTED_SECTORS = COMMODITY_CATEGORIES.flatMap((sector) => Array<CommodityCategory>(SECTOR_WEIGHTS[sector]).fill(sector));

const STREETS = ['Youhao', 'Xinhua', 'Heping', 'Jiefang', 'Renmin', 'Guangming', 'Tuanjie', 'Kaifa', 'Binhe', 'Silu'];

// Most trading houses sit in the capital and at the border crossings.
const REGION_WEIGHTS: Readonly<Record<string, number>> = { '650100': 10, '654000': 6, '653100': 5, '652700': 4, '652300': 3, '654200': 3, '652800': 3 };
const WEIGHTED_REGIONS = REGIONS.flatMap((region) => Array<Region>(REGION_WEIGHTS[region.code] ?? 1).fill(region));

export interface SeedEnterprise {
  uscc: string;
  name: string;
  nameLocal: string;
  region: string;
  zoneCode?: string;
  sectors: CommodityCategory[];
  contactEmail: string;
  address: string;
  foundedOn: string;
  tradeModes: TradeMode[];
}

/** The demo register: always the same enterprises, in the same order. */
export function demoEnterprises(count = ENTERPRISE_COUNT, seed = 20260101): SeedEnterprise[] {
  const random = seededRandom(seed);
  const usccs = new Set<string>();
  const names = new Set<string>();
  const enterprises: SeedEnterprise[] = [];
  while (enterprises.length < count) {
    const region = pick(random, WEIGHTED_REGIONS);
    const sector = pick(random, WEIGHTED_SECTORS);
    const [brand, brandZh] = pick(random, BRANDS);
    const [trade, tradeZh] = pick(random, TRADES[sector]);
    const name = `${region.name} ${brand} ${trade} Import & Export Co., Ltd.`;
    const uscc = generateUscc(random, { regionCode: region.code });
    if (names.has(name) || usccs.has(uscc)) continue;
    names.add(name);
    usccs.add(uscc);

    const zones = ZONES.filter((zone) => zone.regionCode === region.code);
    const zone = zones.length > 0 && random() < 0.7 ? pick(random, zones) : undefined;
    // High-tech goods are mostly M&E goods too, as in the official statistics.
    const sectors: CommodityCategory[] = sector === 'HIGH_TECH' && random() < 0.7 ? ['HIGH_TECH', 'MECHANICAL_ELECTRICAL'] : [sector];
    if (random() < 0.2) {
      const second = pick(random, WEIGHTED_SECTORS);
      if (!sectors.includes(second)) sectors.push(second);
    }
    const tradeModes = TRADE_MODES.filter((mode) => mode !== 'OTHER' && random() < (mode === 'GENERAL_TRADE' ? 0.85 : 0.25));
    const year = 1995 + Math.floor(random() * 29);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const slug = `${brand} ${trade}`.toLowerCase().replace(/[^a-z]+/g, '');
    enterprises.push({
      uscc,
      name,
      nameLocal: `${region.nameZh.replace(/(市|地区|自治州)$/, '').replace(/(回族|蒙古|柯尔克孜|哈萨克)$/, '')}${brandZh}${tradeZh}进出口有限公司`,
      region: region.code,
      ...(zone ? { zoneCode: zone.code } : {}),
      sectors,
      contactEmail: `trade@${slug}-${uscc.slice(10, 15).toLowerCase()}.com.cn`,
      address: `${1 + Math.floor(random() * 300)} ${pick(random, STREETS)} Road, ${region.name}`,
      foundedOn: `${year}-${month}-${day}`,
      tradeModes: tradeModes.length > 0 ? tradeModes : ['GENERAL_TRADE'],
    });
  }
  return enterprises;
}

const REASONS: Readonly<Record<DesignatedTier, readonly string[]>> = {
  BACKBONE: [
    'Exports above USD 50 million in each of the last three years',
    'Leading exporter of its sector in the prefecture',
    'Anchor importer of energy and raw materials for major projects',
    'Largest processing-trade operator of its zone',
  ],
  POTENTIAL: [
    'Export growth above 30 % a year for two years',
    'New markets opened in Central Asia',
    'High-tech exports with own patents',
    'Fast-growing border trade with neighbouring countries',
  ],
};

/** Runs `task` over `items`, `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await task(items[index] as T, index);
      }
    }),
  );
}

interface ListPage {
  items: { id: string }[];
  nextCursor: string | null;
}

/** Ids of the enterprises with a designation (of either tier) in the cycle. */
async function designatedIn(base: string, token: string, cycle: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const tier of DESIGNATED_TIERS) {
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : '';
      const page: ListPage = (await call<ListPage>(base, 'GET', `/enterprises?tier=${tier}&cycle=${cycle}&limit=500${after}`, token)).body;
      page.items.forEach((item) => ids.add(item.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return ids;
}

export const registrySeed = {
  name: 'enterprise-registry: enterprises and the 100 + 100 designations',
  run: async (context: SeedContext): Promise<void> => {
    const base = `${context.url('enterprise-registry')}/api/v1`;
    const officer = context.token('officer', 'seed-officer');
    const admin = context.token('admin', 'seed-admin');
    const enterprises = demoEnterprises();

    const ids: string[] = new Array<string>(enterprises.length);
    let created = 0;
    await inBatches(enterprises, CONCURRENCY, async (enterprise, index) => {
      const response = await call<{ id?: string; enterpriseId?: string }>(base, 'POST', '/enterprises', officer, enterprise, [201, 409]);
      const id = response.status === 201 ? response.body.id : response.body.enterpriseId;
      if (!id) throw new Error(`no id for ${enterprise.uscc}: ${JSON.stringify(response.body)}`);
      ids[index] = id;
      if (response.status === 201) created += 1;
    });
    context.log(`${created} enterprises registered, ${enterprises.length - created} already there`);

    // The service's own current cycle, whatever the seed machine's clock says.
    const { body: quota } = await call<{ cycle: number }>(base, 'GET', '/designations/quota', admin);
    for (const [t, tier] of DESIGNATED_TIERS.entries()) {
      const held = await designatedIn(base, admin, quota.cycle);
      const chosen = ids.slice(t * TIER_QUOTA_PER_CYCLE, (t + 1) * TIER_QUOTA_PER_CYCLE);
      const pending = chosen.filter((id) => !held.has(id));
      const outcomes = { designated: 0, full: 0 };
      const random = seededRandom(quota.cycle * 10 + t);
      const reasons = pending.map(() => pick(random, REASONS[tier]));
      await inBatches(pending, CONCURRENCY, async (id, index) => {
        const response = await call<{ code?: string }>(
          base,
          'POST',
          `/enterprises/${id}/designations`,
          admin,
          { tier, cycle: quota.cycle, reason: reasons[index] },
          [201, 409],
        );
        if (response.status === 201) outcomes.designated += 1;
        else if (response.body.code === 'QUOTA_EXCEEDED') outcomes.full += 1;
        else throw new Error(`designation of ${id} answered ${JSON.stringify(response.body)}`);
      });
      context.log(
        `${tier} ${quota.cycle}: ${outcomes.designated} designated, ${chosen.length - pending.length} already` +
          (outcomes.full > 0 ? `, ${outcomes.full} refused: the quota is full with enterprises designated outside the seed` : ''),
      );
    }
  },
};
