import { randomBytes } from 'node:crypto';
import { EnterpriseRegistered, TOPICS } from '@westgate/contracts';
import { http, pollUntil, tokenFor, type TestCaller } from '@westgate/testing';
import { cloudEvent, enterpriseState } from './support/events';
import { startNotifications, type InboxItem, type NotificationsFixture } from './support/fixture';
import { startServiceProcess, type ServiceProcess } from './support/service-process';

/**
 * The full grants workflow on the real support-grants service (its HTTP API, its outbox, Kafka),
 * run as a process next to notifications and sharing its Kafka namespace; the registry's event is
 * produced here.
 */
describe('a grants workflow driven through support-grants', () => {
  let fx: NotificationsFixture;
  let grants: ServiceProcess;
  const namespace = `t${randomBytes(4).toString('hex')}`;
  const enterprise = enterpriseState({ name: 'Bole Cotton Co.', contactEmail: 'office@bole.example' });
  const enterpriseUser: TestCaller = { sub: 'bole-user', roles: ['enterprise'], enterpriseId: enterprise.id };
  const officer: TestCaller = { sub: 'officer-ann', roles: ['officer'] };
  const reviewer: TestCaller = { sub: 'reviewer-rita', roles: ['reviewer'] };
  const admin: TestCaller = { sub: 'admin-omar', roles: ['admin'] };

  const call = async (caller: TestCaller, method: string, path: string, body?: unknown) => {
    const response = await http(grants.baseUrl, method, `/api/v1${path}`, { token: tokenFor(caller), body });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    fx = await startNotifications({}, namespace);
    grants = await startServiceProcess('support-grants', namespace);
    await fx.publish(TOPICS.registryEnterprise, [cloudEvent(EnterpriseRegistered, enterprise.id, enterprise)]);
    expect((await fx.api('PUT', '/preferences', enterpriseUser, { locale: 'zh-CN' })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await grants?.close();
    await fx?.close();
  });

  it('tells the enterprise (in Chinese), the submitting officer and the admins what happened', async () => {
    const day = 86_400_000;
    const programme = await call(admin, 'POST', '/programmes', {
      code: `FAIR-${randomBytes(2).toString('hex')}`,
      name: 'Border trade fairs 2026',
      cycle: 2026,
      budget: '1300000.00',
      eligibleTiers: ['NONE', 'BACKBONE', 'POTENTIAL'],
      purposes: ['TRADE_FAIR'],
      maxGrantPerEnterprise: '1500000.00',
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
    });
    const application = await call(officer, 'POST', '/applications', {
      programmeId: programme.id,
      enterpriseId: enterprise.id,
      purpose: 'TRADE_FAIR',
      requestedAmount: '1500000.00',
      title: 'Kashgar fair pavilion',
      description: 'Stand, freight and interpreters.',
    });
    // The grants service learns of the enterprise from the registry's event: retry until it has.
    await pollUntil(async () => (await http(grants.baseUrl, 'POST', `/api/v1/applications/${application.id}/submit`, { token: tokenFor(officer) })).status === 200, {
      description: 'the submission to pass eligibility',
    });
    await call(reviewer, 'POST', `/applications/${application.id}/start-review`);
    await call(reviewer, 'POST', `/applications/${application.id}/approve`, { approvedAmount: '1200000.00', comment: 'Approved for the fair.' });
    await call(admin, 'POST', `/applications/${application.id}/disbursements`, { amount: '1200000.00', reference: 'TR-2026-001' });
    await call(admin, 'POST', `/applications/${application.id}/close`);

    const closed = await fx.waitForNotice(enterpriseUser, (n) => n.eventType === 'westgate.grants.application.closed.v1', 'the closing notice');
    expect(closed.title).toBe('申请已结项：Kashgar fair pavilion');
    const enterpriseInbox = await fx.inbox(enterpriseUser);
    expect(enterpriseInbox.map((n: InboxItem) => n.eventType.replace(/^westgate\.grants\.application\.|\.v1$/g, '')).reverse()).toEqual([
      'submitted',
      'review-started',
      'approved',
      'disbursed',
      'closed',
    ]);
    const approved = enterpriseInbox.find((n) => n.eventType.endsWith('.approved.v1')) as InboxItem;
    expect(approved.body).toContain('批准金额：¥1,200,000.00（申请金额：¥1,500,000.00）');
    expect(approved.link).toBe(`https://westgate.example/applications/${application.id}`);

    const officerInbox = await fx.waitForNotice(officer, (n) => n.eventType.endsWith('.disbursed.v1'), 'the officer\'s disbursement notice').then(() => fx.inbox(officer));
    expect(officerInbox.map((n) => n.eventType).sort()).toEqual(['westgate.grants.application.approved.v1', 'westgate.grants.application.disbursed.v1']);
    expect(officerInbox.every((n) => n.locale === 'en')).toBe(true);

    // Approving 1,200,000 of 1,300,000 leaves 100,000 (7.7 %): under the 10 % threshold.
    const alert = await fx.waitForNotice(admin, (n) => n.eventType === 'westgate.grants.programme.budget-changed.v1', 'the budget alert');
    expect(alert.title).toBe('Budget nearly exhausted: Border trade fairs 2026');
    expect(alert.body).toContain('is down to CNY 100,000.00 of CNY 1,300,000.00 (7.7%)');
    expect((await fx.inbox(admin)).filter((n) => n.eventType.startsWith('westgate.grants.programme'))).toHaveLength(1);
    expect(await fx.inbox(reviewer)).toEqual([]);

    const mail = await fx.sink.waitFor((m) => m.envelope.to.includes('office@bole.example') && m.subject.startsWith('申请已批准'));
    expect(mail.text).toContain('批准金额：¥1,200,000.00');
  });
});
