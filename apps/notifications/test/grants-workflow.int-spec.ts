import { randomUUID } from 'node:crypto';
import {
  ApplicationApproved,
  ApplicationClosed,
  ApplicationDisbursed,
  ApplicationRejected,
  ApplicationReturned,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  EnterpriseRegistered,
  TOPICS,
  deadLetterTopicFor,
  type ApplicationEventV1,
  type CloudEvent,
  type EventDefinition,
} from '@westgate/contracts';
import { expectEventually, pollUntil, testKafka, TopicRecorder, type TestCaller } from '@westgate/testing';
import { DataSource } from 'typeorm';
import { RecordNotices } from '../src/notices/record-notices.usecase';
import { applicationEventRecipients } from '../src/recipients/recipient.rules';
import { ApplicationStory, cloudEvent, enterpriseState } from './support/events';
import { startNotifications, type InboxItem, type NotificationsFixture } from './support/fixture';

/**
 * The grants workflow as support-grants publishes it (support-grants is being built alongside, so
 * its events are produced here to the contract in libs/contracts): the right notices reach the
 * right recipients, each in its own language, once, in the inbox and by e-mail.
 */
describe('notices of the grants workflow', () => {
  let fx: NotificationsFixture;
  const eastern = enterpriseState({ name: 'Khorgos Trading Co.', contactEmail: 'office@khorgos.example' });
  const western = enterpriseState({ name: 'Tacheng Grain Ltd.', contactEmail: 'office@tacheng.example' });
  const easternUser: TestCaller = { sub: 'li.wei', roles: ['enterprise'], enterpriseId: eastern.id };
  const easternColleague: TestCaller = { sub: 'zhang.min', roles: ['enterprise'], enterpriseId: eastern.id };
  const westernUser: TestCaller = { sub: 'aigul', roles: ['enterprise'], enterpriseId: western.id };
  const ann: TestCaller = { sub: 'officer-ann', roles: ['officer'] };
  const bob: TestCaller = { sub: 'officer-bob', roles: ['officer'] };
  const rita: TestCaller = { sub: 'reviewer-rita', roles: ['reviewer'] };
  const adminCaller: TestCaller = { sub: 'admin-omar', roles: ['admin'] };
  const reviewer = { id: rita.sub as string, role: 'reviewer' as const, name: 'Rita' };
  const admin = { id: adminCaller.sub as string, role: 'admin' as const };

  // A: eastern, submitted by Ann, returned once, approved, disbursed in two tranches, closed.
  const a = new ApplicationStory(eastern.id, 'officer-ann', 'Asia-Europe Expo stand');
  // B: western, submitted by Bob, rejected.
  const b = new ApplicationStory(western.id, 'officer-bob', 'Kashgar fair pavilion');
  // C: eastern, submitted by Ann, withdrawn.
  const c = new ApplicationStory(eastern.id, 'officer-ann', 'Cold-chain equipment import');
  const published: Record<string, CloudEvent<ApplicationEventV1>> = {};

  const event = (name: string, definition: EventDefinition<ApplicationEventV1>, data: ApplicationEventV1): CloudEvent<ApplicationEventV1> =>
    (published[name] = cloudEvent(definition, data.id, data));

  beforeAll(async () => {
    fx = await startNotifications();
    await fx.publish(TOPICS.registryEnterprise, [
      cloudEvent(EnterpriseRegistered, eastern.id, eastern),
      cloudEvent(EnterpriseRegistered, western.id, western),
    ]);
    // The eastern enterprise reads Chinese; Ann takes e-mail at her address; the rest keep the defaults.
    expect((await fx.api('PUT', '/preferences', easternUser, { locale: 'zh-CN' })).status).toBe(200);
    expect((await fx.api('PUT', '/preferences', ann, { locale: 'en', email: 'ann@westgate.example' })).status).toBe(200);

    const officerAnn = { id: 'officer-ann', role: 'officer' as const, name: 'Ann' };
    const officerBob = { id: 'officer-bob', role: 'officer' as const };
    await fx.publish(TOPICS.grantsApplication, [
      event('a.submitted', ApplicationSubmitted, a.next('SUBMITTED', officerAnn)),
      event('a.review', ApplicationReviewStarted, a.next('UNDER_REVIEW', reviewer)),
      event('a.returned', ApplicationReturned, a.next('RETURNED', reviewer, { comment: 'Add the stand rental contract.' })),
      event('a.resubmitted', ApplicationSubmitted, a.next('SUBMITTED', officerAnn)),
      event('a.review2', ApplicationReviewStarted, a.next('UNDER_REVIEW', reviewer)),
      event('a.approved', ApplicationApproved, a.next('APPROVED', reviewer, { approvedAmount: '1200000.00', comment: 'Within the fair budget.' })),
      event('a.tranche1', ApplicationDisbursed, a.next('PARTIALLY_DISBURSED', admin, { disbursedAmount: '600000.00' })),
      event('a.tranche2', ApplicationDisbursed, a.next('DISBURSED', admin, { disbursedAmount: '1200000.00' })),
      event('a.closed', ApplicationClosed, a.next('CLOSED', admin)),
      event('b.submitted', ApplicationSubmitted, b.next('SUBMITTED', officerBob)),
      event('b.review', ApplicationReviewStarted, b.next('UNDER_REVIEW', reviewer)),
      event('b.rejected', ApplicationRejected, b.next('REJECTED', reviewer, { comment: 'Outside the programme window.' })),
      event('c.submitted', ApplicationSubmitted, c.next('SUBMITTED', officerAnn)),
      event('c.withdrawn', ApplicationWithdrawn, c.next('WITHDRAWN', officerAnn)),
    ]);
    // The last event of each application's partition has been applied: everything before it too.
    await fx.waitForNotice(easternUser, (n) => n.eventId === published['a.closed'].id, 'A closed');
    await fx.waitForNotice(easternUser, (n) => n.eventId === published['c.withdrawn'].id, 'C withdrawn');
    await fx.waitForNotice(westernUser, (n) => n.eventId === published['b.rejected'].id, 'B rejected');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const ids = (names: string[]): string[] => names.map((name) => published[name].id).sort();
  const eventIdsOf = (items: InboxItem[]): string[] => items.map((n) => n.eventId).sort();

  it('tells the enterprise of every status change of its applications, in its language (zh-CN)', async () => {
    const items = await fx.inbox(easternUser, '?limit=500');
    expect(eventIdsOf(items)).toEqual(
      ids(['a.submitted', 'a.review', 'a.returned', 'a.resubmitted', 'a.review2', 'a.approved', 'a.tranche1', 'a.tranche2', 'a.closed', 'c.submitted', 'c.withdrawn']),
    );
    expect(new Set(items.map((n) => n.recipient))).toEqual(new Set([`enterprise:${eastern.id}`]));
    expect(new Set(items.map((n) => n.locale))).toEqual(new Set(['zh-CN']));
    const approved = items.find((n) => n.eventId === published['a.approved'].id) as InboxItem;
    expect(approved.eventType).toBe('westgate.grants.application.approved.v1');
    expect(approved.title).toBe('申请已批准：Asia-Europe Expo stand');
    expect(approved.body).toContain('批准金额：¥1,200,000.00（申请金额：¥1,500,000.00）');
    expect(approved.body).toContain('当前状态：已批准');
    expect(approved.body).toContain('审核意见：Within the fair budget.');
    expect(approved.body).toContain(`https://westgate.example/applications/${a.id}`);
    expect(approved.link).toBe(`https://westgate.example/applications/${a.id}`);
    const tranche = items.find((n) => n.eventId === published['a.tranche1'].id) as InboxItem;
    expect(tranche.title).toBe('资金已拨付：Asia-Europe Expo stand');
    expect(tranche.body).toContain('累计拨付：¥600,000.00，批准金额：¥1,200,000.00');
    expect(tranche.body).toContain('当前状态：部分拨付');
  });

  it('tells the submitting officer of every decision and disbursement, in English, and of nothing else', async () => {
    const items = await fx.inbox(ann, '?limit=500');
    expect(eventIdsOf(items)).toEqual(ids(['a.returned', 'a.approved', 'a.tranche1', 'a.tranche2']));
    expect(new Set(items.map((n) => n.recipient))).toEqual(new Set(['officer-ann']));
    const returned = items.find((n) => n.eventId === published['a.returned'].id) as InboxItem;
    expect(returned.locale).toBe('en');
    expect(returned.title).toBe('Application returned for changes: Asia-Europe Expo stand');
    expect(returned.body).toContain('Comment: Add the stand rental contract.');
    const approved = items.find((n) => n.eventId === published['a.approved'].id) as InboxItem;
    expect(approved.body).toContain('Approved amount: CNY 1,200,000.00 (requested: CNY 1,500,000.00).');

    expect(eventIdsOf(await fx.inbox(bob, '?limit=500'))).toEqual(ids(['b.rejected']));
    const western = await fx.inbox(westernUser, '?limit=500');
    expect(eventIdsOf(western)).toEqual(ids(['b.submitted', 'b.review', 'b.rejected']));
    const rejected = western.find((n) => n.eventId === published['b.rejected'].id) as InboxItem;
    expect(rejected.locale).toBe('en');
    expect(rejected.title).toBe('Application rejected: Kashgar fair pavilion');
    expect(rejected.body).toContain('Reason: Outside the programme window.');
    // Reviewers and admins are not told of applications.
    expect(await fx.inbox(rita)).toEqual([]);
    expect(await fx.inbox(adminCaller)).toEqual([]);
  });

  it('e-mails each recipient in its language: the enterprise at its registry contact, the officer at her address', async () => {
    const toEastern = await fx.sink.waitFor((m) => m.envelope.to.includes('office@khorgos.example') && m.subject.startsWith('申请已批准'));
    expect(toEastern.subject).toBe('申请已批准：Asia-Europe Expo stand');
    expect(toEastern.from).toBe('Westgate <notifications@westgate.local>');
    expect(toEastern.text).toContain('批准金额：¥1,200,000.00（申请金额：¥1,500,000.00）');
    expect(toEastern.text).toContain(`https://westgate.example/applications/${a.id}`);
    expect(toEastern.html).toContain('申请已批准：Asia-Europe Expo stand');

    const toAnn = await fx.sink.waitFor((m) => m.envelope.to.includes('ann@westgate.example') && m.subject.startsWith('Application approved'));
    expect(toAnn.subject).toBe('Application approved: Asia-Europe Expo stand');
    expect(toAnn.text).toContain('Approved amount: CNY 1,200,000.00 (requested: CNY 1,500,000.00).');
    expect(toAnn.headers['message-id']).toMatch(/@westgate\.notifications>$/);

    // Every notice to the eastern enterprise ends with one e-mail (11), each marked sent on the notice.
    await expectEventually(async () => {
      const items = await fx.inbox(easternUser, '?limit=500');
      expect(items.map((n) => n.deliveries.find((d) => d.channel === 'email')?.status)).toEqual(Array(11).fill('sent'));
    }, { timeoutMs: 20_000 });
    expect((await fx.sink.messages()).filter((m) => m.envelope.to.includes('office@khorgos.example'))).toHaveLength(11);
    // Bob set no address: his notices have no e-mail delivery at all.
    const [bobsNotice] = await fx.inbox(bob);
    expect(bobsNotice.deliveries.map((d) => d.channel)).toEqual(['inApp']);
  });

  it('gives no second notice for an event delivered again, however often', async () => {
    const approved = published['a.approved'];
    // The same event three more times, then a fresh event on the same key (same partition, so after them).
    const marker = cloudEvent(ApplicationWithdrawn, a.id, { ...approved.data, status: 'WITHDRAWN', version: 99 });
    await fx.publish(TOPICS.grantsApplication, [approved, approved, approved, marker]);
    await fx.waitForNotice(easternUser, (n) => n.eventId === marker.id, 'the marker after the duplicates');
    const forEvent = async (caller: TestCaller) => (await fx.inbox(caller, '?limit=500')).filter((n) => n.eventId === approved.id);
    expect(await forEvent(easternUser)).toHaveLength(1);
    expect(await forEvent(ann)).toHaveLength(1);
    const mails = (await fx.sink.messages()).filter((m) => m.subject === 'Application approved: Asia-Europe Expo stand');
    expect(mails).toHaveLength(1);
  });

  it('stores at most one notice per recipient and event even when asked twice (unique key under the inbox)', async () => {
    const dataSource = fx.service.app.get(DataSource);
    const recordNotices = fx.service.app.get(RecordNotices);
    const approved = published['a.approved'];
    const command = {
      event: approved,
      facts: { kind: 'application.approved' as const, application: approved.data },
      recipients: applicationEventRecipients(approved.type, approved.data),
    };
    const again = await dataSource.transaction((manager) => recordNotices.execute(manager, [command]));
    expect(again).toEqual({ notifications: 0, inApp: 0, emails: 0, webhooks: 0 });
    const [row]: Array<{ n: number }> = await dataSource.query('SELECT count(*)::int AS n FROM notification WHERE event_id = $1', [approved.id]);
    expect(row.n).toBe(2);
  });

  it('never shows one recipient another recipient\'s notices', async () => {
    const easternItems = await fx.inbox(easternUser, '?limit=500');
    const westernItems = await fx.inbox(westernUser, '?limit=500');
    const annItems = await fx.inbox(ann, '?limit=500');
    expect(westernItems.some((n) => easternItems.some((e) => e.id === n.id))).toBe(false);
    const foreign = easternItems[0];
    expect((await fx.api('GET', `/notifications/${foreign.id}`, westernUser)).status).toBe(404);
    const refused = await fx.api('POST', `/notifications/${foreign.id}/read`, westernUser);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('NOTIFICATION_NOT_FOUND');
    // Staff do not open other mailboxes either: authenticated but not allowed is 403 (API.md),
    // the 404 being for enterprise callers only; a notice that does not exist stays 404.
    const bobRefused = await fx.api('POST', `/notifications/${annItems[0].id}/read`, bob);
    expect(bobRefused.status).toBe(403);
    expect(bobRefused.body.code).toBe('FORBIDDEN');
    expect((await fx.api('GET', `/notifications/${foreign.id}`, adminCaller)).status).toBe(403);
    expect((await fx.api('GET', `/notifications/${annItems[0].id}`, rita)).status).toBe(403);
    expect((await fx.api('POST', `/notifications/${randomUUID()}/read`, bob)).status).toBe(404);
    expect((await fx.api('GET', `/notifications/${annItems[0].id}`, easternUser)).status).toBe(404);
    // Nothing was marked read by the refused calls.
    expect((await fx.api('GET', `/notifications/${foreign.id}`, easternUser)).body.readAt).toBeNull();
    expect((await fx.api('GET', '/notifications', undefined)).status).toBe(401);
  });

  it('counts unread notices, filters them, and marks them read for the whole enterprise', async () => {
    const unreadBefore = (await fx.api('GET', '/notifications/unread-count', easternUser)).body.count as number;
    expect(unreadBefore).toBe((await fx.inbox(easternUser, '?unread=true&limit=500')).length);
    const [newest] = await fx.inbox(easternUser);
    const read = await fx.api('POST', `/notifications/${newest.id}/read`, easternUser);
    expect(read.status).toBe(204);
    expect((await fx.api('POST', `/notifications/${newest.id}/read`, easternUser)).status).toBe(204);
    expect((await fx.api('GET', '/notifications/unread-count', easternUser)).body).toEqual({ count: unreadBefore - 1 });
    // A colleague of the same enterprise reads the same mailbox, read state included.
    expect((await fx.api('GET', '/notifications/unread-count', easternColleague)).body).toEqual({ count: unreadBefore - 1 });
    expect((await fx.inbox(easternColleague, '?unread=true&limit=500')).some((n) => n.id === newest.id)).toBe(false);
    const readOnes = await fx.inbox(easternColleague, '?unread=false');
    expect(readOnes.map((n) => n.id)).toEqual([newest.id]);
    expect(readOnes[0].readAt).not.toBeNull();
    // Other mailboxes are untouched.
    expect((await fx.api('GET', '/notifications/unread-count', westernUser)).body).toEqual({ count: 3 });
    expect((await fx.api('POST', '/notifications/read-all', ann)).body).toEqual({ marked: 4 });
    expect((await fx.api('GET', '/notifications/unread-count', ann)).body).toEqual({ count: 0 });
  });

  it('pages the inbox newest first with a cursor', async () => {
    const all = await fx.inbox(easternUser, '?limit=500');
    const seen: InboxItem[] = [];
    let cursor: string | null = null;
    do {
      const response = await fx.api('GET', `/notifications?limit=4${cursor ? `&cursor=${cursor}` : ''}`, easternUser);
      expect(response.status).toBe(200);
      seen.push(...(response.body.items as InboxItem[]));
      cursor = response.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.map((n) => n.id)).toEqual(all.map((n) => n.id));
    const times = seen.map((n) => Date.parse(n.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect((await fx.api('GET', '/notifications?cursor=not-ours', easternUser)).status).toBe(400);
    expect((await fx.api('GET', '/notifications?limit=501', easternUser)).status).toBe(400);
    expect((await fx.api('GET', '/notifications?unread=maybe', easternUser)).status).toBe(400);
  });

  it('lets preferences choose the channels, except that decisions on one\'s own application stay in the inbox', async () => {
    const third = enterpriseState({ contactEmail: 'office@yining.example' });
    const user: TestCaller = { sub: 'yining-user', roles: ['enterprise'], enterpriseId: third.id };
    await fx.publish(TOPICS.registryEnterprise, [cloudEvent(EnterpriseRegistered, third.id, third)]);
    const locked = await fx.api('PUT', '/preferences', user, {
      channels: { [ApplicationApproved.type]: { inApp: false }, [ApplicationReviewStarted.type]: { inApp: false } },
    });
    expect(locked.status).toBe(422);
    expect(locked.body.code).toBe('PREFERENCE_LOCKED');
    expect(locked.body.eventTypes).toEqual([ApplicationApproved.type]);
    const set = await fx.api('PUT', '/preferences', user, {
      channels: {
        [ApplicationReviewStarted.type]: { inApp: false, email: false },
        [ApplicationApproved.type]: { email: false },
      },
    });
    expect(set.status).toBe(200);
    expect(set.body.recipient).toBe(`enterprise:${third.id}`);
    expect(set.body.channels[ApplicationReviewStarted.type]).toEqual({ inApp: false, email: false, webhook: true });
    expect(set.body.channels[ApplicationApproved.type]).toEqual({ inApp: true, email: false, webhook: true });
    expect(set.body.channels[ApplicationSubmitted.type]).toEqual({ inApp: true, email: true, webhook: true });
    expect(set.body.inAppMandatory).toContain(ApplicationApproved.type);

    const story = new ApplicationStory(third.id, 'officer-bob', 'Bonded-zone warehouse');
    const officer = { id: 'officer-bob', role: 'officer' as const };
    const submitted = cloudEvent(ApplicationSubmitted, story.id, story.next('SUBMITTED', officer));
    const review = cloudEvent(ApplicationReviewStarted, story.id, story.next('UNDER_REVIEW', reviewer));
    const approved = cloudEvent(ApplicationApproved, story.id, story.next('APPROVED', reviewer, { approvedAmount: '800000.00' }));
    await fx.publish(TOPICS.grantsApplication, [submitted, review, approved]);
    const approvedNotice = await fx.waitForNotice(user, (n) => n.eventId === approved.id, 'the approval');
    expect(approvedNotice.deliveries.map((d) => d.channel)).toEqual(['inApp']);
    expect(eventIdsOf(await fx.inbox(user))).toEqual([submitted.id, approved.id].sort());
    const mail = await fx.sink.waitFor((m) => m.envelope.to.includes('office@yining.example'));
    expect(mail.subject).toBe('Application submitted: Bonded-zone warehouse');
    await pollUntil(async () => (await fx.inbox(user)).every((n) => n.deliveries.every((d) => d.status === 'sent')), { description: 'deliveries done' });
    expect((await fx.sink.messages()).filter((m) => m.envelope.to.includes('office@yining.example'))).toHaveLength(1);
    // The ETag follows the version; a stale If-Match is refused.
    const current = await fx.api('GET', '/preferences', user);
    expect(current.headers.get('etag')).toBe(`"${current.body.version}"`);
    expect((await fx.api('PUT', '/preferences', user, { locale: 'zh-CN' }, { 'if-match': '"0"' })).status).toBe(412);
    expect((await fx.api('PUT', '/preferences', user, { ...current.body, locale: 'zh-CN' }, { 'if-match': current.headers.get('etag') as string })).status).toBe(200);
    const asList = await fx.api('PUT', '/preferences', user, { channels: [{ eventType: ApplicationSubmitted.type, email: false }] });
    expect(asList.status).toBe(200);
    expect(asList.body.channels[ApplicationSubmitted.type]).toEqual({ inApp: true, email: false, webhook: true });
    expect(asList.body.locale).toBe('zh-CN');
  });

  it('holds an e-mail until the registry tells the enterprise\'s contact, then sends it', async () => {
    const late = enterpriseState({ contactEmail: 'office@late.example' });
    const user: TestCaller = { sub: 'late-user', roles: ['enterprise'], enterpriseId: late.id };
    const story = new ApplicationStory(late.id, 'officer-bob', 'Grain dryer import');
    const submitted = cloudEvent(ApplicationSubmitted, story.id, story.next('SUBMITTED', { id: 'officer-bob', role: 'officer' }));
    await fx.publish(TOPICS.grantsApplication, [submitted]);
    const waiting = await pollUntil(async () => {
      const [notice] = await fx.inbox(user);
      const email = notice?.deliveries.find((d) => d.channel === 'email');
      // `attempts` counts an attempt from when it is claimed; its outcome is recorded after it.
      return email && email.attempts > 0 && email.error !== null && email;
    }, { description: 'a first attempt without an address' });
    expect(waiting.status).toBe('queued');
    expect(waiting.error).toBe(`no e-mail address is known for enterprise:${late.id} (yet)`);
    await fx.publish(TOPICS.registryEnterprise, [cloudEvent(EnterpriseRegistered, late.id, late)]);
    const mail = await fx.sink.waitFor((m) => m.envelope.to.includes('office@late.example'));
    expect(mail.subject).toBe('Application submitted: Grain dryer import');
    await expectEventually(async () => {
      const [notice] = await fx.inbox(user);
      expect(notice.deliveries.find((d) => d.channel === 'email')).toMatchObject({ status: 'sent', error: null });
    });
  });

  it('dead-letters an event whose notices cannot be stored, and still stores its neighbours', async () => {
    const dataSource = fx.service.app.get(DataSource);
    // A database that refuses one application's notices (only in this throw-away test database).
    await dataSource.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title LIKE '%poison%' THEN RAISE EXCEPTION 'refused: %', NEW.title; END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query('CREATE TRIGGER refuse_poison BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    const group = `${fx.service.namespace}.notifications.grants.application.v1`;
    const dlq = await new TopicRecorder(testKafka('dlq-reader'), [deadLetterTopicFor(group)]).start();
    try {
      const officer = { id: 'officer-ann', role: 'officer' as const };
      const before = new ApplicationStory(eastern.id, 'officer-ann', 'Before the bad one');
      const poison = new ApplicationStory(eastern.id, 'officer-ann', 'A poison pill');
      const after = new ApplicationStory(eastern.id, 'officer-ann', 'After the bad one');
      // One key, so one partition and (most likely) one chunk, in this order.
      const events = [before, poison, after].map((story) => ({ ...cloudEvent(ApplicationSubmitted, story.id, story.next('SUBMITTED', officer)), subject: 'same-key' }));
      await fx.publish(TOPICS.grantsApplication, events);
      const parked = await pollUntil(() => dlq.on(deadLetterTopicFor(group))[0], { description: 'the poison in the DLQ', timeoutMs: 30_000 });
      expect(JSON.parse(parked.value as string).id).toBe(events[1].id);
      expect(parked.headers['dlq-error']).toContain('refused: ');
      // The neighbour after the poison is applied once the poison is parked, so wait for it.
      const items = await pollUntil(
        async () => {
          const found = await fx.inbox(easternUser, '?limit=500');
          return found.some((n) => n.eventId === events[2].id) ? found : undefined;
        },
        { description: 'the notice of the event after the poison', timeoutMs: 10_000 },
      );
      expect(items.some((n) => n.eventId === events[0].id)).toBe(true);
      expect(items.some((n) => n.eventId === events[1].id)).toBe(false);
    } finally {
      await dlq.stop();
      await dataSource.query('DROP TRIGGER refuse_poison ON notification');
      await dataSource.query('DROP FUNCTION refuse_poison()');
    }
  });
});
