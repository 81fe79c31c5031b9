import { randomUUID } from 'node:crypto';
import {
  ProgrammeBudgetChanged,
  ProgrammeBudgetExhausted,
  ProgrammeCreated,
  TOPICS,
  type ProgrammeBudgetExhaustedV1,
  type ProgrammeStateV1,
} from '@westgate/contracts';
import { pollUntil, type TestCaller } from '@westgate/testing';
import { Client } from 'pg';
import { verifySignature } from '../src/webhooks/webhook.rules';
import { cloudEvent, programmeState } from './support/events';
import { startNotifications, type NotificationsFixture } from './support/fixture';
import { WebhookReceiver } from './support/receiver';

/** Approvals refused for want of budget: the admins are told once per budget state. */
describe('budget exhaustion notices', () => {
  let fx: NotificationsFixture;
  let receiver: WebhookReceiver;
  let webhookId: string;
  const admin: TestCaller = { sub: 'admin-omar', roles: ['admin'] };
  const officer: TestCaller = { sub: 'officer-ann', roles: ['officer'] };
  const secret = 'whsec-budget-7c1d';

  beforeAll(async () => {
    fx = await startNotifications({ ADMIN_EMAIL: 'ops@westgate.example', BUDGET_ALERT_THRESHOLD: '0.10' });
    receiver = await new WebhookReceiver(() => 200).start();
    const registered = await fx.api('POST', '/webhooks', admin, { url: receiver.url, eventTypes: [ProgrammeBudgetExhausted.type], secret });
    expect(registered.status).toBe(201);
    webhookId = registered.body.id as string;
  });

  afterAll(async () => {
    await receiver?.stop();
    await fx?.close();
  });

  const created = programmeState({
    name: 'Border trade fairs 2026',
    code: 'FAIR-2026',
    budget: { total: '100000.00', reserved: '0.00', disbursed: '0.00', available: '100000.00' },
  });
  const state = (reserved: string, available: string, version: number): ProgrammeStateV1 => ({
    ...created,
    budget: { total: '100000.00', reserved, disbursed: '0.00', available },
    version,
  });
  const refusal = (programme: ProgrammeStateV1, requestedAmount: string): ProgrammeBudgetExhaustedV1 => ({
    ...programme,
    applicationId: randomUUID(),
    enterpriseId: randomUUID(),
    requestedAmount,
    refusedBy: { id: 'reviewer-rita', name: 'Rita', role: 'reviewer' },
    refusedAt: new Date().toISOString(),
  });
  const exhaustionNotices = async () => (await fx.inbox(admin, '?limit=500')).filter((n) => n.eventType === ProgrammeBudgetExhausted.type);

  it('tells the admins of a refusal once per budget state, by inbox, e-mail and webhook', async () => {
    // 80,000 of 100,000 approved: 20 % left, above the 10 % threshold, so no low-budget alert.
    const approved = state('80000.00', '20000.00', 2);
    const refused = refusal(approved, '50000.00');
    const first = cloudEvent(ProgrammeBudgetExhausted, created.id, refused);
    await fx.publish(TOPICS.grantsProgramme, [cloudEvent(ProgrammeCreated, created.id, created), cloudEvent(ProgrammeBudgetChanged, created.id, approved), first]);

    const notice = await fx.waitForNotice(admin, (n) => n.eventId === first.id, 'the exhaustion notice');
    expect(notice).toMatchObject({ recipient: 'role:admin', eventType: ProgrammeBudgetExhausted.type, locale: 'en' });
    expect(notice.title).toBe('Budget exhausted: Border trade fairs 2026');
    expect(notice.body).toContain('An approval of CNY 50,000.00 in the programme Border trade fairs 2026 (FAIR-2026, cycle 2026) was refused: only CNY 20,000.00 of CNY 100,000.00 is left (20%).');
    expect(notice.body).toContain(`Refused by: Rita. Application: https://westgate.example/applications/${refused.applicationId}`);
    expect(notice.link).toBe(`https://westgate.example/programmes/${created.id}`);
    const mail = await fx.sink.waitFor((m) => m.subject === 'Budget exhausted: Border trade fairs 2026');
    expect(mail.envelope.to).toEqual(['ops@westgate.example']);
    const post = await pollUntil(() => receiver.requests.find((r) => JSON.parse(r.body).eventId === first.id), { description: 'the webhook POST' });
    expect(verifySignature(post.body, secret, post.headers['x-westgate-signature'] as string)).toBe(true);
    expect(JSON.parse(post.body)).toMatchObject({
      webhookId,
      eventType: ProgrammeBudgetExhausted.type,
      subject: created.id,
      data: { id: created.id, applicationId: refused.applicationId, requestedAmount: '50000.00', budget: { available: '20000.00' } },
      notifications: [expect.objectContaining({ id: notice.id, recipient: 'role:admin', title: 'Budget exhausted: Border trade fairs 2026' })],
    });

    // The same refusal redelivered, and another refusal while the budget is unchanged: no notice.
    const again = cloudEvent(ProgrammeBudgetExhausted, created.id, refusal(approved, '30000.00'));
    // Then another approval (85,000 reserved: 15 %) and a refusal after it: a second notice. The
    // events of one programme are consumed in order, so once it is there the others were seen.
    const later = state('85000.00', '15000.00', 3);
    const afterChange = cloudEvent(ProgrammeBudgetExhausted, created.id, refusal(later, '40000.00'));
    await fx.publish(TOPICS.grantsProgramme, [first, again, cloudEvent(ProgrammeBudgetChanged, created.id, later), afterChange]);
    const second = await fx.waitForNotice(admin, (n) => n.eventId === afterChange.id, 'the notice after the budget changed');
    expect(second.body).toContain('An approval of CNY 40,000.00 in the programme Border trade fairs 2026 (FAIR-2026, cycle 2026) was refused: only CNY 15,000.00 of CNY 100,000.00 is left (15%).');
    expect((await exhaustionNotices()).map((n) => n.eventId)).toEqual([afterChange.id, first.id]);
    // Neither the low-budget alert (never under 10 %) nor anyone but the admins.
    expect((await fx.inbox(admin)).filter((n) => n.eventType !== ProgrammeBudgetExhausted.type)).toEqual([]);
    expect(await fx.inbox(officer)).toEqual([]);
    await pollUntil(() => receiver.requests.some((r) => JSON.parse(r.body).eventId === afterChange.id), { description: 'the second webhook POST' });
    expect(receiver.requests.map((r) => JSON.parse(r.body).eventId)).toEqual([first.id, afterChange.id]);
  });

  it('never lets a refusal regress the budget state remembered, and takes a newer one from it', async () => {
    const programme = programmeState({ budget: { total: '100000.00', reserved: '0.00', disbursed: '0.00', available: '100000.00' } });
    const at = (reserved: string, available: string, version: number): ProgrammeStateV1 => ({
      ...programme,
      budget: { total: '100000.00', reserved, disbursed: '0.00', available },
      version,
    });
    const current = cloudEvent(ProgrammeBudgetChanged, programme.id, at('70000.00', '30000.00', 4));
    // A refusal from before (version 3): told, as it was not yet, but the state stays at version 4.
    const late = cloudEvent(ProgrammeBudgetExhausted, programme.id, refusal(at('60000.00', '40000.00', 3), '45000.00'));
    await fx.publish(TOPICS.grantsProgramme, [cloudEvent(ProgrammeCreated, programme.id, programme), current, late]);
    await fx.waitForNotice(admin, (n) => n.eventId === late.id, 'the late refusal\'s notice');
    expect(await remembered(programme.id)).toEqual({ version: 4, available: '30000.00', exhaustion_alerted_version: 3 });

    // A refusal carrying a newer state than any budget event seen (version 5): remembered from it.
    const newer = cloudEvent(ProgrammeBudgetExhausted, programme.id, refusal(at('95000.00', '5000.00', 5), '20000.00'));
    await fx.publish(TOPICS.grantsProgramme, [newer]);
    await fx.waitForNotice(admin, (n) => n.eventId === newer.id, 'the newer refusal\'s notice');
    expect(await remembered(programme.id)).toEqual({ version: 5, available: '5000.00', exhaustion_alerted_version: 5 });
    // Its own budget event, arriving late, is not newer: ignored. And as that notice told the admins
    // the budget is under the threshold (5 %), the next change that stays under it (4 %) makes no
    // low-budget alert; a refusal after it makes the next exhaustion notice.
    const duplicate = cloudEvent(ProgrammeBudgetChanged, programme.id, at('95000.00', '5000.00', 5));
    const stillLow = cloudEvent(ProgrammeBudgetChanged, programme.id, at('96000.00', '4000.00', 6));
    const closing = cloudEvent(ProgrammeBudgetExhausted, programme.id, refusal(at('96000.00', '4000.00', 6), '10000.00'));
    await fx.publish(TOPICS.grantsProgramme, [duplicate, stillLow, closing]);
    await fx.waitForNotice(admin, (n) => n.eventId === closing.id, 'the last refusal\'s notice');
    const told = (await fx.inbox(admin, '?limit=500')).filter((n) => n.link.endsWith(programme.id));
    expect(told.map((n) => n.eventId)).toEqual([closing.id, newer.id, late.id]);
    expect(await remembered(programme.id)).toEqual({ version: 6, available: '4000.00', exhaustion_alerted_version: 6 });
  });

  async function remembered(programmeId: string): Promise<{ version: number; available: string; exhaustion_alerted_version: number | null } | undefined> {
    const client = new Client({ connectionString: fx.service.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version, available::text AS available, exhaustion_alerted_version FROM programme_budget WHERE programme_id = $1', [programmeId]);
      return rows[0];
    } finally {
      await client.end();
    }
  }
});
