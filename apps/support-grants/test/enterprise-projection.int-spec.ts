import { randomUUID } from 'node:crypto';
import { deadLetterTopicFor } from '@westgate/contracts';
import { expectEventually, pollUntil, testKafka, TopicRecorder } from '@westgate/testing';
import { GrantsFixture } from './grants-fixture';

/** The registry's events → this service's projection, under duplicates, reordering and junk. */
describe('enterprise projection', () => {
  let fx: GrantsFixture;
  const group = () => `${fx.service.namespace}.support-grants.registry.enterprise.v1`;

  beforeAll(async () => {
    fx = await GrantsFixture.start();
  });

  afterAll(async () => fx?.close());

  const projected = async (id: string) =>
    (await fx.query<{ version: number; status: string; name: string; last_event_id: string; designations: unknown[] }>(
      'SELECT version, status, name, last_event_id, designations FROM enterprise_projection WHERE id = $1',
      [id],
    ))[0];

  /** Waits until the consumer has taken in (inbox) the given events, applied or not. */
  const consumed = (eventIds: string[]) =>
    pollUntil(async () => {
      const rows = await fx.query('SELECT event_id FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2)', [group(), eventIds]);
      return rows.length === eventIds.length;
    }, { description: `${eventIds.length} events in the inbox` });

  it('keeps the full state: status, tiers per cycle, sectors, zone, contact', async () => {
    const event = fx.enterpriseEvent({ tier: 'POTENTIAL', sectors: ['HIGH_TECH', 'MECHANICAL_ELECTRICAL'], name: 'Khorgos Robotics' });
    event.data.zoneCode = 'KHORGOS-ICBC';
    await fx.publish([event]);
    await fx.awaitProjection(event.data.id, 1);
    const res = await fx.call('GET', `/enterprise-projection/${event.data.id}`, 'officer');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: event.data.id,
      uscc: event.data.uscc,
      name: 'Khorgos Robotics',
      zoneCode: 'KHORGOS-ICBC',
      sectors: ['HIGH_TECH', 'MECHANICAL_ELECTRICAL'],
      status: 'ACTIVE',
      designations: [expect.objectContaining({ tier: 'POTENTIAL' })],
      version: 1,
    });
    const [row] = await fx.query<{ contact_email: string }>('SELECT contact_email FROM enterprise_projection WHERE id = $1', [event.data.id]);
    expect(row.contact_email).toBe(event.data.contactEmail);
    expect((await fx.call('GET', `/enterprise-projection/${randomUUID()}`, 'officer')).status).toBe(404);
    expect((await fx.call('GET', `/enterprise-projection/${event.data.id}`, fx.enterpriseToken(event.data.id))).status).toBe(403);
  });

  it('applies a redelivered event once', async () => {
    const event = fx.enterpriseEvent({});
    await fx.publish([event, event, event]);
    await fx.awaitProjection(event.data.id, 1);
    await consumed([event.id]);
    const inbox = await fx.query('SELECT 1 FROM inbox WHERE event_id = $1', [event.id]);
    expect(inbox).toHaveLength(1);
    expect((await projected(event.data.id)).last_event_id).toBe(event.id);
  });

  it('never regresses: an older version arriving late, or a repeat of the current one, changes nothing', async () => {
    const id = randomUUID();
    const v1 = fx.enterpriseEvent({ id, version: 1, name: 'v1' });
    const v2 = fx.enterpriseEvent({ id, version: 2, name: 'v2', tier: 'BACKBONE' }, 'westgate.registry.enterprise.tier-designated.v1');
    const v3 = fx.enterpriseEvent({ id, version: 3, name: 'v3', status: 'INACTIVE' }, 'westgate.registry.enterprise.deactivated.v1');
    const v3again = fx.enterpriseEvent({ id, version: 3, name: 'v3 copy with another event id' });
    await fx.publish([v3, v1, v2, v3again]);
    await consumed([v3.id, v1.id, v2.id, v3again.id]);
    expect(await projected(id)).toMatchObject({ version: 3, status: 'INACTIVE', name: 'v3', last_event_id: v3.id });

    const v4 = fx.enterpriseEvent({ id, version: 4, name: 'v4', status: 'ACTIVE' }, 'westgate.registry.enterprise.updated.v1');
    await fx.publish([v4]);
    await fx.awaitProjection(id, 4);
    expect(await projected(id)).toMatchObject({ version: 4, status: 'ACTIVE', name: 'v4' });
  });

  it('eligibility follows the registry: deactivation and revoked tiers make submissions fail', async () => {
    const programme = await fx.programme({ eligibleTiers: ['BACKBONE'] });
    const id = await fx.enterprise({ tier: 'BACKBONE' });
    const ok = await fx.draft(programme.id, id, { requestedAmount: '10.00' });
    expect((await fx.call('POST', `/applications/${ok.id}/submit`, 'officer', {})).status).toBe(200);

    await fx.publish([fx.enterpriseEvent({ id, version: 2, tier: undefined }, 'westgate.registry.enterprise.tier-revoked.v1')]);
    await fx.awaitProjection(id, 2);
    const revoked = await fx.draft(programme.id, id, { requestedAmount: '10.00' });
    const res = await fx.call('POST', `/applications/${revoked.id}/submit`, 'officer', {});
    expect(res.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['TIER_NOT_ELIGIBLE']);

    await fx.publish([fx.enterpriseEvent({ id, version: 3, tier: 'BACKBONE', status: 'INACTIVE' }, 'westgate.registry.enterprise.deactivated.v1')]);
    await fx.awaitProjection(id, 3);
    const inactive = await fx.call('POST', `/applications/${revoked.id}/submit`, 'officer', {});
    expect(inactive.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['ENTERPRISE_INACTIVE']);
  });

  it('dead-letters what breaks the contract and goes on with the next events', async () => {
    const dlq = await new TopicRecorder(testKafka('grants-dlq'), [deadLetterTopicFor(group())]).start();
    try {
      const bad = fx.enterpriseEvent({});
      const broken = { ...bad, data: { ...bad.data, contactEmail: 'not an email', version: 0 } };
      const good = fx.enterpriseEvent({});
      await fx.publish(['{not json', JSON.stringify(broken) as string, good]);
      await fx.awaitProjection(good.data.id, 1);
      expect(await projected(bad.data.id)).toBeUndefined();
      await expectEventually(() => expect(dlq.messages.map((m) => m.headers['dlq-reason'])).toEqual(['CONTRACT_VIOLATION', 'CONTRACT_VIOLATION']));
    } finally {
      await dlq.stop();
    }
  });
});
