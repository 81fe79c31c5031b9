/**
 * Seed step of trade-statistics, after the registry's and the grants': two years of monthly
 * customs declarations for the registry's demo enterprises, through `POST /api/v1/declarations`,
 * so that the dashboard tells a story:
 *
 * - agricultural exporters ship fruit, vegetables, tomato paste and cotton with the seasons
 *   (harvest peaks from August to November, a trough in spring);
 * - crude-oil, iron-ore and gas importers bring in steady monthly volumes from Kazakhstan,
 *   Russia, Mongolia and Turkmenistan;
 * - machinery, vehicles and high-tech goods go to Central Asia, growing year on year;
 * - building materials, garments and new materials fill in the rest;
 * - a few exporters had a bad last month (a fall of more than 20 % against a year before), so
 *   that closing that month raises export-decline alerts for the designated among them.
 *
 * Deterministic (seeded generator, declaration ids built from enterprise, month and number): a
 * second run posts the same declarations, which the service ignores as repeats.
 */
import { addMonths, periodOfDate, periodsBetween, type CommodityCategory } from '@westgate/domain';
import { demoEnterprises, seededRandom, type SeedEnterprise } from './registry.seed';
import { call, type SeedContext } from './seed-context';

interface Line {
  hs: string;
  flow: 'EXPORT' | 'IMPORT';
  partners: readonly string[];
  unit: string;
  /** Typical value of one declaration, USD. */
  value: number;
  /** USD per unit, for a plausible quantity. */
  unitPrice: number;
}

const LINES: Readonly<Record<CommodityCategory, readonly Line[]>> = {
  AGRICULTURAL: [
    { hs: '0808100000', flow: 'EXPORT', partners: ['KZ', 'RU', 'KG'], unit: 'KG', value: 180_000, unitPrice: 0.9 },
    { hs: '0806100000', flow: 'EXPORT', partners: ['KZ', 'RU', 'UZ'], unit: 'KG', value: 150_000, unitPrice: 1.4 },
    { hs: '0813409000', flow: 'EXPORT', partners: ['KZ', 'RU', 'DE'], unit: 'KG', value: 120_000, unitPrice: 3.2 },
    { hs: '2002901900', flow: 'EXPORT', partners: ['KZ', 'IT', 'RU', 'UZ'], unit: 'KG', value: 260_000, unitPrice: 0.8 },
    { hs: '5201000000', flow: 'EXPORT', partners: ['PK', 'KZ', 'TR'], unit: 'KG', value: 320_000, unitPrice: 1.7 },
  ],
  BUILDING_MATERIALS: [
    { hs: '2523290000', flow: 'EXPORT', partners: ['KG', 'TJ', 'AF'], unit: 'KG', value: 140_000, unitPrice: 0.06 },
    { hs: '6907210000', flow: 'EXPORT', partners: ['KZ', 'KG', 'UZ'], unit: 'M2', value: 90_000, unitPrice: 6 },
    { hs: '7308900000', flow: 'EXPORT', partners: ['KZ', 'TJ', 'MN'], unit: 'KG', value: 210_000, unitPrice: 1.1 },
  ],
  MECHANICAL_ELECTRICAL: [
    { hs: '8429520000', flow: 'EXPORT', partners: ['KZ', 'UZ', 'TM'], unit: 'PCS', value: 600_000, unitPrice: 120_000 },
    { hs: '8703231000', flow: 'EXPORT', partners: ['KZ', 'KG', 'UZ', 'RU'], unit: 'PCS', value: 450_000, unitPrice: 18_000 },
    { hs: '8432800000', flow: 'EXPORT', partners: ['KZ', 'UZ', 'TJ'], unit: 'PCS', value: 220_000, unitPrice: 9_000 },
    { hs: '8479820000', flow: 'IMPORT', partners: ['DE', 'IT'], unit: 'PCS', value: 380_000, unitPrice: 95_000 },
  ],
  HIGH_TECH: [
    { hs: '8541430000', flow: 'EXPORT', partners: ['UZ', 'KZ', 'PK'], unit: 'PCS', value: 520_000, unitPrice: 120 },
    { hs: '8517620000', flow: 'EXPORT', partners: ['KZ', 'KG', 'TJ'], unit: 'PCS', value: 300_000, unitPrice: 450 },
    { hs: '8471300000', flow: 'EXPORT', partners: ['KZ', 'UZ', 'RU'], unit: 'PCS', value: 260_000, unitPrice: 380 },
  ],
  TEXTILES_LIGHT: [
    { hs: '6204620000', flow: 'EXPORT', partners: ['KZ', 'KG', 'RU'], unit: 'PCS', value: 110_000, unitPrice: 9 },
    { hs: '6402990000', flow: 'EXPORT', partners: ['KZ', 'KG', 'UZ', 'TJ'], unit: 'PCS', value: 95_000, unitPrice: 7 },
    { hs: '9403600000', flow: 'EXPORT', partners: ['KZ', 'MN'], unit: 'PCS', value: 80_000, unitPrice: 60 },
  ],
  CRUDE_OIL: [{ hs: '2709000000', flow: 'IMPORT', partners: ['KZ', 'RU'], unit: 'KG', value: 4_500_000, unitPrice: 0.55 }],
  IRON_ORE: [{ hs: '2601111000', flow: 'IMPORT', partners: ['KZ', 'MN'], unit: 'KG', value: 1_600_000, unitPrice: 0.11 }],
  ENERGY_BULK: [
    { hs: '2711210000', flow: 'IMPORT', partners: ['TM', 'KZ', 'UZ'], unit: 'KG', value: 2_200_000, unitPrice: 0.4 },
    { hs: '2701120000', flow: 'IMPORT', partners: ['MN', 'KZ'], unit: 'KG', value: 700_000, unitPrice: 0.09 },
  ],
  NEW_MATERIALS: [
    { hs: '2804619000', flow: 'EXPORT', partners: ['KZ', 'DE', 'IN'], unit: 'KG', value: 340_000, unitPrice: 2.3 },
    { hs: '8108200000', flow: 'IMPORT', partners: ['KZ', 'RU'], unit: 'KG', value: 260_000, unitPrice: 11 },
  ],
  OTHER: [
    { hs: '9401710000', flow: 'EXPORT', partners: ['KZ', 'KG'], unit: 'PCS', value: 60_000, unitPrice: 40 },
    { hs: '3004909000', flow: 'IMPORT', partners: ['DE', 'IN', 'TR'], unit: 'KG', value: 90_000, unitPrice: 30 },
  ],
};

const PORTS: Readonly<Record<string, string>> = { KZ: 'KHORGOS', KG: 'TORUGART', TJ: 'KARASU', PK: 'KHUNJERAB', MN: 'TAKESHIKEN', RU: 'ALASHANKOU', UZ: 'IRKESHTAM', TM: 'ALASHANKOU' };
const MAX_PER_REQUEST = 10_000;

/** Harvest season for agricultural exports: high from August to November, low in spring. */
function seasonality(category: CommodityCategory, month: number): number {
  if (category !== 'AGRICULTURAL') return 1;
  return [0.5, 0.4, 0.35, 0.4, 0.6, 0.8, 1.0, 1.6, 2.0, 2.1, 1.7, 0.9][month - 1];
}

/** Year-on-year drift: M&E and high-tech exports grow, bulk imports hold steady. */
function trend(category: CommodityCategory, monthsFromStart: number): number {
  const yearly = { MECHANICAL_ELECTRICAL: 0.18, HIGH_TECH: 0.25, AGRICULTURAL: 0.08, BUILDING_MATERIALS: 0.05, TEXTILES_LIGHT: 0.03 }[category as string] ?? 0.02;
  return 1 + (yearly * monthsFromStart) / 12;
}

export interface SeedDeclaration {
  declarationId: string;
  uscc: string;
  flow: 'EXPORT' | 'IMPORT';
  hsCode: string;
  partnerCountry: string;
  period: string;
  valueUsd: string;
  quantity: string;
  unit: string;
  customsPort?: string;
  tradeMode: 'GENERAL_TRADE' | 'BORDER_SMALL_SCALE';
}

/** The 24 complete months before `today`'s, and every enterprise's declarations in them. */
export function demoDeclarations(enterprises: readonly SeedEnterprise[], today = new Date()): SeedDeclaration[] {
  const last = addMonths(periodOfDate(today), -1);
  const periods = periodsBetween(addMonths(last, -23), last);
  const declarations: SeedDeclaration[] = [];
  enterprises.forEach((enterprise, e) => {
    const random = seededRandom(7_000 + e);
    const category = enterprise.sectors[0];
    const lines = LINES[category];
    const size = 0.3 + random() * random() * 4;
    // One enterprise in nine had a bad last month: exports less than half of a year before.
    const slumps = e % 9 === 4;
    periods.forEach((period, index) => {
      const month = Number(period.slice(5));
      const count = 1 + Math.floor(random() * 3);
      for (let n = 0; n < count; n += 1) {
        const line = lines[Math.floor(random() * lines.length)];
        const partner = line.partners[Math.floor(random() * line.partners.length)];
        const steady = line.flow === 'IMPORT' && ['CRUDE_OIL', 'IRON_ORE', 'ENERGY_BULK'].includes(category);
        const noise = steady ? 0.93 + random() * 0.14 : 0.6 + random() * 0.8;
        const slump = slumps && index === periods.length - 1 && line.flow === 'EXPORT' ? 0.4 : 1;
        const value = Math.max(1_000, (line.value * size * noise * seasonality(category, month) * trend(category, index) * slump) / count);
        declarations.push({
          declarationId: `SEED-${enterprise.uscc}-${period.replace('-', '')}-${n + 1}`,
          uscc: enterprise.uscc,
          flow: line.flow,
          hsCode: line.hs,
          partnerCountry: partner,
          period,
          valueUsd: value.toFixed(2),
          quantity: String(Math.max(1, Math.round(value / line.unitPrice))),
          unit: line.unit,
          ...(PORTS[partner] ? { customsPort: PORTS[partner] } : {}),
          tradeMode: random() < 0.85 ? 'GENERAL_TRADE' : 'BORDER_SMALL_SCALE',
        });
      }
    });
  });
  return declarations;
}

export const statisticsSeed = {
  name: 'trade-statistics: two years of monthly declarations',
  run: async (context: SeedContext): Promise<void> => {
    const base = `${context.url('trade-statistics')}/api/v1`;
    const officer = context.token('officer', 'seed-officer');
    const declarations = demoDeclarations(demoEnterprises());
    let accepted = 0;
    for (let start = 0; start < declarations.length; start += MAX_PER_REQUEST) {
      const batch = declarations.slice(start, start + MAX_PER_REQUEST);
      const { body } = await call<{ accepted: number; rejected: unknown[] }>(base, 'POST', '/declarations', officer, batch, [202]);
      if (body.rejected.length > 0) throw new Error(`the service refused seed declarations: ${JSON.stringify(body.rejected.slice(0, 3))}`);
      accepted += body.accepted;
    }
    context.log(
      `${accepted} declarations of ${declarations[0]?.period ?? '-'} to ${declarations[declarations.length - 1]?.period ?? '-'} submitted (ones seen before are ignored by the service)`,
    );
  },
};
