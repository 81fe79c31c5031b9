/**
 * support-grants demo data, after the registry's: the current cycle's programmes (export
 * expansion for BACKBONE enterprises, trade-fair support for the Asia-Europe Expo and the Kashgar
 * and Harbin fairs, technology import, market development for enterprises with potential) and
 * applications in every status of the workflow, for enterprises the registry seed created.
 * Everything goes through the HTTP API as officers, reviewers and admins would do it.
 * Idempotent: programmes are found by code, applications by their seed title.
 */
import { Money } from '@westgate/domain';
import { call, type SeedContext } from './seed-context';

const CYCLE = new Date().getUTCFullYear();
const PROJECTION_DEADLINE_MS = 90_000;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Enterprise {
  id: string;
  name: string;
  tier: string;
  status: string;
  sectors: string[];
}

interface Programme {
  id: string;
  code: string;
}

interface Application {
  id: string;
  title: string;
  status: string;
  approvedAmount: string | null;
}

const PROGRAMMES = [
  {
    code: `EXP-BACKBONE-${CYCLE}`,
    name: `Export expansion support for backbone enterprises ${CYCLE}`,
    budget: '50000000.00',
    eligibleTiers: ['BACKBONE'],
    purposes: ['EXPORT_EXPANSION', 'MARKET_DEVELOPMENT'],
    maxGrantPerEnterprise: '2000000.00',
  },
  {
    code: `TRADE-FAIRS-${CYCLE}`,
    name: `Trade-fair support: Asia-Europe Expo, Kashgar and Harbin fairs ${CYCLE}`,
    budget: '8000000.00',
    eligibleTiers: ['BACKBONE', 'POTENTIAL', 'NONE'],
    purposes: ['TRADE_FAIR'],
    maxGrantPerEnterprise: '300000.00',
  },
  {
    code: `TECH-IMPORT-${CYCLE}`,
    name: `Import of key technologies and equipment ${CYCLE}`,
    budget: '30000000.00',
    eligibleTiers: ['BACKBONE', 'POTENTIAL'],
    purposes: ['TECHNOLOGY_IMPORT', 'EQUIPMENT_IMPORT'],
    maxGrantPerEnterprise: '3000000.00',
  },
  {
    code: `POTENTIAL-MARKETS-${CYCLE}`,
    name: `Market development for enterprises with potential ${CYCLE}`,
    budget: '12000000.00',
    eligibleTiers: ['POTENTIAL'],
    purposes: ['MARKET_DEVELOPMENT', 'EXPORT_EXPANSION', 'TRADE_FAIR'],
    maxGrantPerEnterprise: '800000.00',
  },
] as const;

type Target = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'REJECTED' | 'RETURNED' | 'PARTIALLY_DISBURSED' | 'DISBURSED' | 'CLOSED' | 'WITHDRAWN';

interface Plan {
  title: string;
  programme: (typeof PROGRAMMES)[number]['code'];
  tiers: readonly string[];
  purpose: string;
  amount: string;
  target: Target;
  tradeFair?: string;
  targetMarkets?: string[];
}

/** Every status of the workflow, on every programme, with the fairs and markets of the policy. */
const PLANS: Plan[] = [
  { title: 'Agricultural exports to Kazakhstan and Uzbekistan', programme: PROGRAMMES[0].code, tiers: ['BACKBONE'], purpose: 'EXPORT_EXPANSION', amount: '1200000.00', target: 'CLOSED', targetMarkets: ['KZ', 'UZ'] },
  { title: 'Building materials for Kyrgyz infrastructure projects', programme: PROGRAMMES[0].code, tiers: ['BACKBONE'], purpose: 'EXPORT_EXPANSION', amount: '900000.00', target: 'PARTIALLY_DISBURSED', targetMarkets: ['KG'] },
  { title: 'M&E products: distribution network in Russia', programme: PROGRAMMES[0].code, tiers: ['BACKBONE'], purpose: 'MARKET_DEVELOPMENT', amount: '600000.00', target: 'APPROVED', targetMarkets: ['RU'] },
  { title: 'High-tech exports to Pakistan', programme: PROGRAMMES[0].code, tiers: ['BACKBONE'], purpose: 'EXPORT_EXPANSION', amount: '450000.00', target: 'UNDER_REVIEW', targetMarkets: ['PK'] },
  { title: 'Dried fruit exports to Europe', programme: PROGRAMMES[0].code, tiers: ['BACKBONE'], purpose: 'EXPORT_EXPANSION', amount: '300000.00', target: 'REJECTED', targetMarkets: ['DE', 'PL'] },
  { title: 'Stand at the Asia-Europe Expo in Urumqi', programme: PROGRAMMES[1].code, tiers: ['BACKBONE', 'POTENTIAL', 'NONE'], purpose: 'TRADE_FAIR', amount: '180000.00', target: 'DISBURSED', tradeFair: 'ASIA_EUROPE_EXPO', targetMarkets: ['KZ', 'TJ'] },
  { title: 'Pavilion at the Kashgar Central and South Asia Commodity Fair', programme: PROGRAMMES[1].code, tiers: ['BACKBONE', 'POTENTIAL', 'NONE'], purpose: 'TRADE_FAIR', amount: '120000.00', target: 'SUBMITTED', tradeFair: 'KASHGAR_FAIR', targetMarkets: ['PK', 'AF'] },
  { title: 'Delegation to the Harbin China–Russia Expo', programme: PROGRAMMES[1].code, tiers: ['BACKBONE', 'POTENTIAL', 'NONE'], purpose: 'TRADE_FAIR', amount: '90000.00', target: 'RETURNED', tradeFair: 'HARBIN_FAIR', targetMarkets: ['RU', 'MN'] },
  { title: 'Samples for the Asia-Europe Expo', programme: PROGRAMMES[1].code, tiers: ['BACKBONE', 'POTENTIAL', 'NONE'], purpose: 'TRADE_FAIR', amount: '40000.00', target: 'WITHDRAWN', tradeFair: 'ASIA_EUROPE_EXPO' },
  { title: 'Kashgar fair: shared booth with partners', programme: PROGRAMMES[1].code, tiers: ['BACKBONE', 'POTENTIAL', 'NONE'], purpose: 'TRADE_FAIR', amount: '60000.00', target: 'DRAFT', tradeFair: 'KASHGAR_FAIR' },
  { title: 'Drilling equipment import for oilfield services', programme: PROGRAMMES[2].code, tiers: ['BACKBONE', 'POTENTIAL'], purpose: 'EQUIPMENT_IMPORT', amount: '2500000.00', target: 'APPROVED' },
  { title: 'Licensing new-materials process technology', programme: PROGRAMMES[2].code, tiers: ['BACKBONE', 'POTENTIAL'], purpose: 'TECHNOLOGY_IMPORT', amount: '1500000.00', target: 'UNDER_REVIEW' },
  { title: 'Cold-chain logistics technology', programme: PROGRAMMES[2].code, tiers: ['BACKBONE', 'POTENTIAL'], purpose: 'TECHNOLOGY_IMPORT', amount: '700000.00', target: 'DRAFT' },
  { title: 'First export orders in Tajikistan', programme: PROGRAMMES[3].code, tiers: ['POTENTIAL'], purpose: 'MARKET_DEVELOPMENT', amount: '350000.00', target: 'DISBURSED', targetMarkets: ['TJ'] },
  { title: 'E-commerce channel to Central Asia', programme: PROGRAMMES[3].code, tiers: ['POTENTIAL'], purpose: 'MARKET_DEVELOPMENT', amount: '250000.00', target: 'SUBMITTED', targetMarkets: ['KZ', 'KG', 'UZ'] },
  { title: 'Fair participation for a young exporter', programme: PROGRAMMES[3].code, tiers: ['POTENTIAL'], purpose: 'TRADE_FAIR', amount: '80000.00', target: 'WITHDRAWN', tradeFair: 'HARBIN_FAIR' },
];

const seedTitle = (plan: Plan) => `[seed ${CYCLE}] ${plan.title}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function all<T>(base: string, path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { body: Page<T> } = await call<Page<T>>(base, 'GET', `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

export async function seedGrants(context: SeedContext): Promise<void> {
  const registry = context.url('enterprise-registry');
  const grants = context.url('support-grants');
  const admin = context.token('admin', 'seed-admin');
  const officer = context.token('officer', 'seed-officer');
  const reviewer = context.token('reviewer', 'seed-reviewer');

  // Programmes of the cycle, found by code.
  const existing = new Map((await all<Programme>(grants, `/api/v1/programmes?cycle=${CYCLE}`, admin)).map((p) => [p.code, p.id]));
  for (const programme of PROGRAMMES) {
    if (existing.has(programme.code)) continue;
    const res = await call<Programme>(
      grants,
      'POST',
      '/api/v1/programmes',
      admin,
      { ...programme, cycle: CYCLE, opensAt: `${CYCLE}-01-01T00:00:00.000Z`, closesAt: `${CYCLE + 1}-01-01T00:00:00.000Z`, eligibleTiers: [...programme.eligibleTiers], purposes: [...programme.purposes] },
      [201],
    );
    existing.set(programme.code, res.body.id);
    context.log(`programme ${programme.code}`);
  }

  // The registry seed's enterprises, by tier.
  const enterprises = (await all<Enterprise>(registry, '/api/v1/enterprises?status=ACTIVE', officer)).filter((e) => e.status === 'ACTIVE');
  if (enterprises.length === 0) {
    context.log('no active enterprises in the registry: seed the registry first; no applications seeded');
    return;
  }
  const byTier = (tiers: readonly string[]) => enterprises.filter((e) => tiers.includes(e.tier ?? 'NONE'));

  const seeded = new Map((await all<Application>(grants, '/api/v1/applications?submittedBy=seed-officer', officer)).map((a) => [a.title, a]));
  const used = new Map<string, number>();
  for (const plan of PLANS) {
    const title = seedTitle(plan);
    if (seeded.has(title)) continue;
    const candidates = byTier(plan.tiers);
    if (candidates.length === 0) {
      context.log(`no ${plan.tiers.join('/')} enterprise in the registry for "${plan.title}": skipped`);
      continue;
    }
    // Spread the applications over the enterprises, least used in the programme first (each has a maximum there).
    const usage = (e: Enterprise) => used.get(`${plan.programme}:${e.id}`) ?? 0;
    const enterprise = [...candidates].sort((a, b) => usage(a) - usage(b))[0];
    used.set(`${plan.programme}:${enterprise.id}`, usage(enterprise) + 1);
    const programmeId = existing.get(plan.programme) as string;
    const created = await call<Application>(
      grants,
      'POST',
      '/api/v1/applications',
      officer,
      {
        programmeId,
        enterpriseId: enterprise.id,
        purpose: plan.purpose,
        requestedAmount: plan.amount,
        title,
        description: `${plan.title}, for ${enterprise.name}. Seeded demo application.`,
        ...(plan.tradeFair ? { tradeFair: plan.tradeFair } : {}),
        ...(plan.targetMarkets ? { targetMarkets: plan.targetMarkets } : {}),
      },
      [201],
    );
    const reached = await advance(context, grants, created.body, plan, { officer, reviewer, admin });
    context.log(`application "${plan.title}" → ${reached}`);
  }
}

/** Drives one application to its target status, as the people of the workflow would. */
async function advance(
  context: SeedContext,
  grants: string,
  application: Application,
  plan: Plan,
  tokens: { officer: string; reviewer: string; admin: string },
): Promise<string> {
  const step = async (action: string, token: string, body: object = {}, accept = [200, 201]) =>
    (await call<Application>(grants, 'POST', `/api/v1/applications/${application.id}/${action}`, token, body, accept)).body;
  const { officer, reviewer, admin } = tokens;
  const target = plan.target;
  if (target === 'DRAFT') return target;
  if (target === 'WITHDRAWN' && plan.programme === PROGRAMMES[1].code) {
    await step('withdraw', officer, { reason: 'The enterprise will exhibit next year instead' });
    return target;
  }
  const refused = await submitWhenKnown(context, grants, application.id, officer);
  if (refused) return `DRAFT (not eligible: ${refused})`;
  if (target === 'SUBMITTED') return target;
  if (target === 'WITHDRAWN') {
    await step('withdraw', officer, { reason: 'Funded by another programme' });
    return target;
  }
  await step('start-review', reviewer, { comment: 'Documents complete' });
  if (target === 'UNDER_REVIEW') return target;
  if (target === 'REJECTED') {
    await step('reject', reviewer, { reason: 'The export plan does not show new markets' });
    return target;
  }
  if (target === 'RETURNED') {
    await step('return', reviewer, { comment: 'Please attach the stand contract and the exhibitor registration' });
    return target;
  }
  const approved = await step('approve', reviewer, { approvedAmount: plan.amount, comment: 'In line with the programme priorities' });
  if (target === 'APPROVED') return target;
  // Two tranches, split to the fen.
  const total = Money.parse(approved.approvedAmount, 'CNY');
  const first = Money.fromMinor(total.minorUnits / 2n, 'CNY');
  await step('disbursements', admin, { amount: first.toString(), reference: `SEED-${application.id.slice(0, 8)}-1` });
  if (target === 'PARTIALLY_DISBURSED') return target;
  await step('disbursements', admin, { amount: total.subtract(first).toString(), reference: `SEED-${application.id.slice(0, 8)}-2` });
  if (target === 'DISBURSED') return target;
  await step('close', admin, { comment: 'Receipts verified' });
  return target;
}

/**
 * Submission waits, with a deadline, until the grants projection knows the enterprise. Returns
 * the failed rules if the enterprise turns out not to be eligible (the draft stays a draft).
 */
async function submitWhenKnown(context: SeedContext, grants: string, id: string, officer: string): Promise<string | undefined> {
  const deadline = Date.now() + PROJECTION_DEADLINE_MS;
  for (;;) {
    const res = await call<{ code?: string; reasons?: Array<{ rule: string }> }>(grants, 'POST', `/api/v1/applications/${id}/submit`, officer, {}, [200, 422]);
    if (res.status === 200) return undefined;
    const rules = res.body.reasons?.map((r) => r.rule) ?? [];
    if (!(rules.length === 1 && rules[0] === 'ENTERPRISE_UNKNOWN')) return rules.join(', ') || res.body.code;
    if (Date.now() > deadline) throw new Error(`submit ${id}: the enterprise did not reach support-grants within ${PROJECTION_DEADLINE_MS / 1000}s`);
    context.log('waiting for the registry events to reach support-grants…');
    await sleep(1000);
  }
}

export const grantsSeedStep = { name: 'support-grants: programmes and applications', run: seedGrants };
