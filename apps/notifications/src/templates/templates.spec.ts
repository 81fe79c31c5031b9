import type { ApplicationEventV1, ExportDeclineAlertV1, ProgrammeBudgetExhaustedV1, ProgrammeStateV1 } from '@westgate/contracts';
import { NOTICE_EVENT_TYPES, NOTICE_KIND_BY_EVENT_TYPE, NOTICE_KINDS, type NoticeKind } from '../notices/notice-types';
import { renderNotice, type NoticeFacts } from '../notices/render-notice.rules';
import { LOCALES } from './locales';
import { templateVariables } from './template.rules';
import { TEMPLATES } from './templates';

const application: ApplicationEventV1 = {
  id: '0b8c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
  programmeId: '1c9d9f5f-2e3b-4d4c-8f9a-8b7c6d5e4f30',
  programmeCode: 'EXP-2026',
  programmeName: 'Export expansion 2026',
  enterpriseId: '2d0e0a6a-3f4c-4e5d-9a0b-9c8d7e6f5a41',
  title: 'Asia-Europe Expo stand',
  purpose: 'TRADE_FAIR',
  status: 'APPROVED',
  fromStatus: 'UNDER_REVIEW',
  requestedAmount: '1500000.00',
  approvedAmount: '1200000.50',
  disbursedAmount: '600000.00',
  submittedBy: 'officer-ann',
  actor: { id: 'reviewer-rita', role: 'reviewer', name: 'Rita' },
  comment: 'Within the fair budget.',
  version: 4,
  occurredAt: '2026-03-01T10:00:00.000Z',
};

const programme: ProgrammeStateV1 = {
  id: '3e1f1b7b-4a5d-4f6e-8b1c-0d9e8f7a6b52',
  code: 'FAIR-2026',
  name: 'Border trade fairs 2026',
  cycle: 2026,
  budget: { total: '10000000.00', reserved: '9550000.00', disbursed: '1000000.00', available: '450000.00' },
  eligibleTiers: ['BACKBONE'],
  eligibleSectors: null,
  purposes: ['TRADE_FAIR'],
  maxGrantPerEnterprise: '2000000.00',
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  version: 7,
  updatedAt: '2026-03-01T10:00:00.000Z',
};

const refusal: ProgrammeBudgetExhaustedV1 = {
  ...programme,
  budget: { total: '100000.00', reserved: '80000.00', disbursed: '0.00', available: '20000.00' },
  applicationId: application.id,
  enterpriseId: application.enterpriseId,
  requestedAmount: '50000.00',
  refusedBy: { id: 'reviewer-rita', name: 'Rita', role: 'reviewer' },
  refusedAt: '2026-03-01T10:00:00.000Z',
};

const alert: ExportDeclineAlertV1 = {
  enterpriseId: application.enterpriseId,
  uscc: '91650000MA7XXXXXXX',
  enterpriseName: 'Tacheng Machinery Ltd.',
  tier: 'BACKBONE',
  cycle: 2026,
  period: '2026-02',
  exportsUsd: '650000.00',
  previousYearExportsUsd: '1000000.00',
  changeRatio: '-0.3500',
};

function factsFor(kind: NoticeKind): NoticeFacts {
  switch (kind) {
    case 'designation.granted':
    case 'designation.revoked':
      return { kind, enterprise: { id: application.enterpriseId, name: 'Khorgos Trading Co.' }, designation: { cycle: 2026, tier: 'POTENTIAL' } };
    case 'programme.budget-low':
      return { kind, programme, thresholdBasisPoints: 1000n };
    case 'programme.budget-exhausted':
      return { kind, refusal };
    case 'trade.export-decline':
      return { kind, alert };
    default:
      return { kind, application };
  }
}

describe('notice templates', () => {
  it.each(LOCALES.flatMap((locale) => NOTICE_KINDS.map((kind) => [locale, kind] as const)))('%s renders %s completely', (locale, kind) => {
    const notice = renderNotice(factsFor(kind), locale, 'https://westgate.example/');
    expect(notice.title).not.toMatch(/[{}]/);
    expect(notice.body).not.toMatch(/[{}]/);
    expect(notice.title).not.toContain('\n');
    expect(notice.title.length).toBeGreaterThan(5);
    expect(notice.body).toContain(notice.link);
    expect(notice.link).toMatch(/^https:\/\/westgate\.example\/(applications|enterprises|programmes|stats\/enterprises)\/[0-9a-f-]{36}$/);
  });

  it.each(NOTICE_EVENT_TYPES)('has a notice for every event type that makes one: %s', (eventType) => {
    const kind = NOTICE_KIND_BY_EVENT_TYPE[eventType];
    expect(NOTICE_KINDS).toContain(kind);
    for (const locale of LOCALES) expect(renderNotice(factsFor(kind), locale, 'https://w.example').title).not.toBe('');
  });

  it('has the same notices, statuses, tiers and purposes in every language, with the same placeholders', () => {
    const [reference, ...others] = LOCALES.map((locale) => TEMPLATES[locale]);
    for (const catalogue of others) {
      expect(Object.keys(catalogue.notices).sort()).toEqual(Object.keys(reference.notices).sort());
      expect(Object.keys(catalogue.statuses).sort()).toEqual(Object.keys(reference.statuses).sort());
      expect(Object.keys(catalogue.tiers).sort()).toEqual(Object.keys(reference.tiers).sort());
      expect(Object.keys(catalogue.purposes).sort()).toEqual(Object.keys(reference.purposes).sort());
      for (const kind of NOTICE_KINDS) {
        const names = (locale: typeof catalogue) => [...templateVariables(locale.notices[kind].title), ...templateVariables(locale.notices[kind].body)].sort();
        expect(new Set(names(catalogue))).toEqual(new Set(names(reference)));
      }
    }
    expect(Object.keys(reference.notices).sort()).toEqual([...NOTICE_KINDS].sort());
  });

  it('writes an approval with the title, programme, amounts as money, status and link', () => {
    const en = renderNotice(factsFor('application.approved'), 'en', 'https://westgate.example');
    expect(en.title).toBe('Application approved: Asia-Europe Expo stand');
    expect(en.body).toBe(
      'The application "Asia-Europe Expo stand" to the programme Export expansion 2026 (EXP-2026) was approved.\n' +
        'Approved amount: CNY 1,200,000.50 (requested: CNY 1,500,000.00).\n' +
        'Status: approved.\n' +
        'Comment: Within the fair budget.\n' +
        'Status page: https://westgate.example/applications/0b8c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
    );
    const zh = renderNotice(factsFor('application.approved'), 'zh-CN', 'https://westgate.example');
    expect(zh.title).toBe('申请已批准：Asia-Europe Expo stand');
    expect(zh.body).toBe(
      '申报项目“Export expansion 2026”（EXP-2026）的申请“Asia-Europe Expo stand”已获批准。\n' +
        '批准金额：¥1,200,000.50（申请金额：¥1,500,000.00）。\n' +
        '当前状态：已批准。\n' +
        '审核意见：Within the fair budget.\n' +
        '查看进度：https://westgate.example/applications/0b8c8f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
    );
  });

  it('says what a disbursement paid when its event carries the tranche, and leaves the line out when not', () => {
    const tranche = { id: '5d6f2c0e-9a41-4d2b-8f3e-1c2b3a4d5e6f', amount: '250000.00', reference: 'TR-2026-0042', disbursedAt: '2026-03-02T09:00:00.000Z' };
    const facts = (withTranche: boolean): NoticeFacts => ({
      kind: 'application.disbursed',
      application: { ...application, status: 'PARTIALLY_DISBURSED', ...(withTranche ? { tranche } : {}) } as ApplicationEventV1,
    });
    expect(renderNotice(facts(true), 'en', 'https://w.example').body).toContain(
      'This tranche: CNY 250,000.00 (reference TR-2026-0042).\nDisbursed so far: CNY 600,000.00 of CNY 1,200,000.50 approved.',
    );
    expect(renderNotice(facts(true), 'zh-CN', 'https://w.example').body).toContain('本笔拨付：¥250,000.00（凭证号：TR-2026-0042）。');
    expect(renderNotice(facts(false), 'en', 'https://w.example').body).not.toContain('This tranche');
  });

  it('leaves out the comment line when there is no comment, and keeps a title on one line', () => {
    const notice = renderNotice(
      { kind: 'application.submitted', application: { ...application, comment: null, title: 'Two\nlines  title' } },
      'en',
      'https://westgate.example',
    );
    expect(notice.body).not.toContain('Comment');
    expect(notice.title).toBe('Application submitted: Two lines title');
  });

  it('writes budget and trade figures as money and percentages', () => {
    expect(renderNotice(factsFor('programme.budget-low'), 'en', 'https://w.example').body).toContain(
      'is down to CNY 450,000.00 of CNY 10,000,000.00 (4.5%), under the alert threshold of 10%.',
    );
    expect(renderNotice(factsFor('trade.export-decline'), 'en', 'https://w.example').body).toContain('were USD 650,000.00, down 35% against USD 1,000,000.00');
    expect(renderNotice(factsFor('trade.export-decline'), 'zh-CN', 'https://w.example').body).toContain('出口额为 US$650,000.00，较上年同期 US$1,000,000.00下降 35%');
  });

  it('says which approval a budget could not cover, by whom, and what was left', () => {
    const en = renderNotice(factsFor('programme.budget-exhausted'), 'en', 'https://w.example');
    expect(en.title).toBe('Budget exhausted: Border trade fairs 2026');
    expect(en.body).toBe(
      'An approval of CNY 50,000.00 in the programme Border trade fairs 2026 (FAIR-2026, cycle 2026) was refused: only CNY 20,000.00 of CNY 100,000.00 is left (20%).\n' +
        `Refused by: Rita. Application: https://w.example/applications/${application.id}\n` +
        'Reserved: CNY 80,000.00. Disbursed: CNY 0.00.\n' +
        `Programme page: https://w.example/programmes/${programme.id}`,
    );
    const zh = renderNotice(factsFor('programme.budget-exhausted'), 'zh-CN', 'https://w.example');
    expect(zh.title).toBe('预算已耗尽：Border trade fairs 2026');
    expect(zh.body).toContain('预算不足，一笔 ¥50,000.00 的批准被拒绝：可用预算仅剩 ¥20,000.00，占总预算 ¥100,000.00 的 20%。');
    // Without the decider's name, the id.
    const anonymous = renderNotice({ kind: 'programme.budget-exhausted', refusal: { ...refusal, refusedBy: { id: 'admin-7', role: 'admin' } } }, 'en', 'https://w.example');
    expect(anonymous.body).toContain('Refused by: admin-7.');
  });

  it('says "a designation was revoked" when it cannot tell which', () => {
    const notice = renderNotice({ kind: 'designation.revoked', enterprise: { id: application.enterpriseId, name: 'Khorgos Trading Co.' } }, 'en', 'https://w.example');
    expect(notice.title).toBe('Designation revoked');
    expect(notice.body).toContain('A designation of Khorgos Trading Co. was revoked.');
  });
});
