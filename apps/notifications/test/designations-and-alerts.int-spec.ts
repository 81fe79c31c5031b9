import {
  EnterpriseRegistered,
  EnterpriseTierDesignated,
  EnterpriseTierRevoked,
  EnterpriseUpdated,
  ExportDeclineAlert,
  ProgrammeBudgetChanged,
  ProgrammeCreated,
  TOPICS,
} from '@westgate/contracts';
import type { TestCaller } from '@westgate/testing';
import { cloudEvent, enterpriseState, exportDeclineAlert, programmeState } from './support/events';
import { startNotifications, type NotificationsFixture } from './support/fixture';

/** Registry designations to the enterprise; budget exhaustion and trade alerts to the admins. */
describe('designation, budget and trade-alert notices', () => {
  let fx: NotificationsFixture;
  const admin: TestCaller = { sub: 'admin-omar', roles: ['admin'] };
  const otherAdmin: TestCaller = { sub: 'admin-dana', roles: ['admin', 'analyst'] };
  const officer: TestCaller = { sub: 'officer-ann', roles: ['officer'] };

  beforeAll(async () => {
    fx = await startNotifications({ ADMIN_EMAIL: 'ops@westgate.example,desk@westgate.example', BUDGET_ALERT_THRESHOLD: '0.10' });
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('tells an enterprise of a designation granted and revoked, naming tier and cycle, and keeps its contact current', async () => {
    const registered = enterpriseState({ name: 'Alashankou Logistics', contactEmail: 'old@alashankou.example' });
    const user: TestCaller = { sub: 'ala-user', roles: ['enterprise'], enterpriseId: registered.id };
    const updated = { ...registered, contactEmail: 'office@alashankou.example', version: 2 };
    const designated = {
      ...updated,
      designations: [{ cycle: 2026, tier: 'BACKBONE' as const, designatedAt: '2026-03-01T00:00:00.000Z' }],
      version: 3,
    };
    const revoked = { ...designated, designations: [], version: 4 };
    await fx.publish(TOPICS.registryEnterprise, [
      cloudEvent(EnterpriseRegistered, registered.id, registered),
      cloudEvent(EnterpriseUpdated, registered.id, updated),
      cloudEvent(EnterpriseTierDesignated, registered.id, designated),
    ]);
    const granted = await fx.waitForNotice(user, (n) => n.eventType === EnterpriseTierDesignated.type, 'the designation');
    expect(granted.title).toBe('Designated backbone enterprise for 2026');
    expect(granted.body).toContain('Alashankou Logistics was designated a backbone enterprise of the 2026 programme cycle.');
    expect(granted.link).toBe(`https://westgate.example/enterprises/${registered.id}`);
    // Registered and updated make no notice; the e-mail goes to the contact as updated.
    expect(await fx.inbox(user)).toHaveLength(1);
    const mail = await fx.sink.waitFor((m) => m.subject === 'Designated backbone enterprise for 2026');
    expect(mail.envelope.to).toEqual(['office@alashankou.example']);

    expect((await fx.api('PUT', '/preferences', user, { locale: 'zh-CN' })).status).toBe(200);
    await fx.publish(TOPICS.registryEnterprise, [cloudEvent(EnterpriseTierRevoked, registered.id, revoked)]);
    const lost = await fx.waitForNotice(user, (n) => n.eventType === EnterpriseTierRevoked.type, 'the revocation');
    expect(lost.locale).toBe('zh-CN');
    expect(lost.title).toBe('认定已撤销：2026 年度骨干企业');
    expect(lost.body).toContain('Alashankou Logistics的 2026 年度骨干企业认定已被撤销。');
    // Nobody else hears of it.
    expect(await fx.inbox(admin)).toEqual([]);
    expect(await fx.inbox(officer)).toEqual([]);
  });

  it('tells the admins once when a programme\'s available budget falls under the threshold', async () => {
    const created = programmeState({ name: 'Border trade fairs 2026', code: 'FAIR-2026' });
    const budget = (available: string, reserved: string, version: number) =>
      cloudEvent(ProgrammeBudgetChanged, created.id, {
        ...created,
        budget: { total: '10000000.00', reserved, disbursed: '0.00', available },
        version,
      });
    const still = budget('1000000.00', '9000000.00', 2); // exactly 10 %: not under
    const under = budget('800000.00', '9200000.00', 3); // 8 %
    const lower = budget('300000.00', '9700000.00', 4); // still under: no second alert
    await fx.publish(TOPICS.grantsProgramme, [cloudEvent(ProgrammeCreated, created.id, created), still, under, lower]);
    const alert = await fx.waitForNotice(admin, (n) => n.eventType === ProgrammeBudgetChanged.type, 'the budget alert');
    expect(alert.eventId).toBe(under.id);
    expect(alert.recipient).toBe('role:admin');
    expect(alert.title).toBe('Budget nearly exhausted: Border trade fairs 2026');
    expect(alert.body).toContain('is down to CNY 800,000.00 of CNY 10,000,000.00 (8%), under the alert threshold of 10%.');
    expect(alert.link).toBe(`https://westgate.example/programmes/${created.id}`);
    // Raised above the threshold and down again: a new alert.
    const raised = budget('5000000.00', '9200000.00', 5);
    const again = budget('100000.00', '9900000.00', 6);
    await fx.publish(TOPICS.grantsProgramme, [raised, again]);
    await fx.waitForNotice(admin, (n) => n.eventId === again.id, 'the second alert');
    const alerts = (await fx.inbox(admin)).filter((n) => n.eventType === ProgrammeBudgetChanged.type);
    expect(alerts.map((n) => n.eventId)).toEqual([again.id, under.id]);
    // Every admin reads the admins' mailbox; the configured list gets the e-mail.
    expect((await fx.inbox(otherAdmin)).map((n) => n.id)).toEqual((await fx.inbox(admin)).map((n) => n.id));
    const mail = await fx.sink.waitFor((m) => m.subject === 'Budget nearly exhausted: Border trade fairs 2026');
    expect(mail.envelope.to.sort()).toEqual(['desk@westgate.example', 'ops@westgate.example']);
    expect(await fx.inbox(officer)).toEqual([]);
  });

  it('tells the admins of trade alerts, in the language chosen for the admins\' mailbox', async () => {
    const alert = exportDeclineAlert({ enterpriseName: 'Tacheng Machinery Ltd.', period: '2026-02', changeRatio: '-0.3500' });
    await fx.publish(TOPICS.tradeAlert, [cloudEvent(ExportDeclineAlert, alert.enterpriseId, alert)]);
    const english = await fx.waitForNotice(admin, (n) => n.eventType === ExportDeclineAlert.type, 'the alert');
    expect(english.title).toBe('Export decline: Tacheng Machinery Ltd., 2026-02');
    expect(english.body).toContain('were USD 650,000.00, down 35% against USD 1,000,000.00 a year earlier');

    const chosen = await fx.api('PUT', '/preferences?recipient=role:admin', admin, { locale: 'zh-CN' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.recipient).toBe('role:admin');
    expect((await fx.api('GET', '/preferences?recipient=role:admin', officer)).status).toBe(404);
    const next = exportDeclineAlert({ enterpriseName: '塔城机械有限公司', period: '2026-03', changeRatio: '-0.2150', tier: 'POTENTIAL' });
    await fx.publish(TOPICS.tradeAlert, [cloudEvent(ExportDeclineAlert, next.enterpriseId, next)]);
    const chinese = await fx.waitForNotice(otherAdmin, (n) => n.title.includes('2026-03'), 'the Chinese alert');
    expect(chinese.locale).toBe('zh-CN');
    expect(chinese.title).toBe('出口下降预警：塔城机械有限公司（2026-03）');
    expect(chinese.body).toContain('2026 年度潜力企业）2026-03 出口额为 US$650,000.00，较上年同期 US$1,000,000.00下降 21.5%');
    expect(await fx.inbox({ sub: 'ent', roles: ['enterprise'], enterpriseId: next.enterpriseId })).toEqual([]);
  });
});
