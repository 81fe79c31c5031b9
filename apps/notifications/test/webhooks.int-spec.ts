import { ApplicationApproved, ApplicationSubmitted, EnterpriseRegistered, ExportDeclineAlert, TOPICS } from '@westgate/contracts';
import { http, pollUntil, type TestCaller } from '@westgate/testing';
import { verifySignature } from '../src/webhooks/webhook.rules';
import { ApplicationStory, cloudEvent, enterpriseState, exportDeclineAlert } from './support/events';
import { startNotifications, type NotificationsFixture } from './support/fixture';
import { WebhookReceiver } from './support/receiver';

interface Attempt {
  deliveryId: string;
  eventId: string;
  attempt: number;
  status: string;
  responseCode: number | null;
  error: string | null;
  nextRetryAt: string | null;
  deliveryStatus: string;
}

/** Webhooks against a real HTTP receiver, with short retry settings so that the suite stays quick. */
describe('webhooks', () => {
  let fx: NotificationsFixture;
  const receivers: WebhookReceiver[] = [];
  const admin: TestCaller = { sub: 'admin-omar', roles: ['admin'] };
  const secret = 'whsec-0f3c9b2e7a';

  beforeAll(async () => {
    fx = await startNotifications({
      WEBHOOK_TIMEOUT_MS: '300',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_DELAY_MS: '400',
    });
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.stop();
    await fx?.close();
  });

  async function receiver(script: ConstructorParameters<typeof WebhookReceiver>[0]): Promise<WebhookReceiver> {
    const started = await new WebhookReceiver(script).start();
    receivers.push(started);
    return started;
  }

  async function register(url: string, eventTypes: string[]): Promise<string> {
    const response = await fx.api('POST', '/webhooks', admin, { url, eventTypes, secret, description: 'ops chat' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const attempts = async (webhookId: string): Promise<Attempt[]> =>
    (await fx.api('GET', `/webhooks/${webhookId}/deliveries?limit=500`, admin)).body.items as Attempt[];

  it('registers a webhook and never shows its secret', async () => {
    const created = await fx.api('POST', '/webhooks', admin, { url: 'https://hooks.example.com/a', eventTypes: [ExportDeclineAlert.type], secret });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'https://hooks.example.com/a', eventTypes: [ExportDeclineAlert.type], active: true, createdBy: 'admin-omar' });
    const shown = [created, await fx.api('GET', `/webhooks/${created.body.id}`, admin), await fx.api('GET', '/webhooks', admin)];
    for (const response of shown) expect(JSON.stringify(response.body)).not.toContain(secret);
    expect((await fx.api('DELETE', `/webhooks/${created.body.id}`, admin)).status).toBe(204);
    expect((await fx.api('GET', `/webhooks/${created.body.id}`, admin)).status).toBe(404);
  });

  it('takes receivers on loopback when private networks are allowed (the default outside production)', async () => {
    const local = await receiver(() => 200);
    const port = new URL(local.url).port;
    for (const url of [local.url, `http://localhost:${port}/hooks`, `http://[::1]:${port}/hooks`]) {
      const created = await fx.api('POST', '/webhooks', admin, { url, eventTypes: [ExportDeclineAlert.type], secret });
      expect({ url, status: created.status }).toEqual({ url, status: 201 });
      expect((await fx.api('DELETE', `/webhooks/${created.body.id}`, admin)).status).toBe(204);
    }
  });

  it('is for admins only', async () => {
    const body = { url: 'https://hooks.example.com/b', eventTypes: [ExportDeclineAlert.type], secret };
    for (const roles of [['officer'], ['reviewer'], ['analyst']] as const) {
      const response = await fx.api('POST', '/webhooks', { sub: 'x', roles: [...roles] }, body);
      expect(response.status).toBe(403);
    }
    expect((await fx.api('POST', '/webhooks', { sub: 'e', roles: ['enterprise'], enterpriseId: '3f0d8a0e-9a53-4f5e-8a59-2f4f6a1c0b11' }, body)).status).toBe(403);
    expect((await fx.api('POST', '/webhooks', undefined, body)).status).toBe(401);
    expect((await fx.api('GET', '/webhooks/3f0d8a0e-9a53-4f5e-8a59-2f4f6a1c0b11/deliveries', admin)).status).toBe(404);
  });

  it('delivers once after two failed attempts, each logged, every POST signed with the same delivery id', async () => {
    const flaky = await receiver((n) => (n <= 2 ? 503 : 200));
    const webhookId = await register(flaky.url, [ExportDeclineAlert.type]);
    const alert = exportDeclineAlert({ enterpriseName: 'Bole Cotton Co.' });
    const event = cloudEvent(ExportDeclineAlert, alert.enterpriseId, alert);
    await fx.publish(TOPICS.tradeAlert, [event]);

    const log = await pollUntil(async () => {
      const items = await attempts(webhookId);
      return items.some((a) => a.status === 'sent') && items;
    }, { description: 'the successful attempt', timeoutMs: 20_000 });
    expect(log.map((a) => [a.attempt, a.status, a.responseCode])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'sent', 200],
    ]);
    expect(log[0].error).toContain('503');
    expect(log[0].nextRetryAt).not.toBeNull();
    expect(log[1].nextRetryAt).not.toBeNull();
    expect(log[2].nextRetryAt).toBeNull();
    expect(new Set(log.map((a) => a.deliveryId)).size).toBe(1);
    expect(log.every((a) => a.eventId === event.id && a.deliveryStatus === 'sent')).toBe(true);
    // The back-off waited between attempts (base 100 ms, equal jitter: at least 50 ms, then 100 ms).
    expect(flaky.requests[1].at - flaky.requests[0].at).toBeGreaterThanOrEqual(50);
    expect(flaky.requests[2].at - flaky.requests[1].at).toBeGreaterThanOrEqual(100);

    expect(flaky.requests).toHaveLength(3);
    for (const request of flaky.requests) {
      expect(request.headers['x-westgate-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySignature(request.body, secret, request.headers['x-westgate-signature'] as string)).toBe(true);
      expect(verifySignature(request.body, 'another-secret', request.headers['x-westgate-signature'] as string)).toBe(false);
      expect(request.headers['x-westgate-delivery-id']).toBe(log[0].deliveryId);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.body).toBe(flaky.requests[0].body);
    }
    const payload = JSON.parse(flaky.requests[2].body);
    expect(payload).toMatchObject({ deliveryId: log[0].deliveryId, webhookId, eventId: event.id, eventType: ExportDeclineAlert.type, data: { enterpriseName: 'Bole Cotton Co.' } });
    expect(payload.notifications).toEqual([expect.objectContaining({ recipient: 'role:admin', title: 'Export decline: Bole Cotton Co., 2026-02', locale: 'en' })]);
    // Exactly one success: nothing more arrives, and the notice shows the webhook delivery as sent.
    const notice = await fx.waitForNotice(admin, (n) => n.eventId === event.id, 'the notice');
    expect(notice.deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'webhook', webhookId, status: 'sent', attempts: 3 })]));
    expect(flaky.requests.filter((r) => r.headers['x-westgate-delivery-id'] === log[0].deliveryId)).toHaveLength(3);
    // Deliveries by channel and status, at /metrics.
    const metrics = await http(fx.service.baseUrl, 'GET', '/metrics');
    expect(metrics.body).toMatch(/westgate_notification_deliveries_total\{channel="webhook",status="retried"[^}]*\} [1-9]/);
    expect(metrics.body).toMatch(/westgate_notification_deliveries_total\{channel="webhook",status="sent"[^}]*\} [1-9]/);
    expect(metrics.body).toMatch(/westgate_notification_deliveries_total\{channel="inApp",status="sent"[^}]*\} [1-9]/);
  });

  it('marks a delivery failed after the bounded attempts when the receiver never answers', async () => {
    const silent = await receiver(() => 'hang');
    const webhookId = await register(silent.url, [ExportDeclineAlert.type]);
    const alert = exportDeclineAlert({ enterpriseName: 'Yining Fruit Co.' });
    const event = cloudEvent(ExportDeclineAlert, alert.enterpriseId, alert);
    await fx.publish(TOPICS.tradeAlert, [event]);

    const log = await pollUntil(async () => {
      const items = await attempts(webhookId);
      return items.some((a) => a.deliveryStatus === 'failed') && items;
    }, { description: 'the delivery to fail', timeoutMs: 20_000 });
    expect(log.map((a) => [a.attempt, a.status, a.responseCode])).toEqual([
      [1, 'failed', null],
      [2, 'failed', null],
      [3, 'failed', null],
    ]);
    expect(log.every((a) => a.error === 'no answer within 300 ms')).toBe(true);
    expect(log.map((a) => a.nextRetryAt === null)).toEqual([false, false, true]);
    expect(silent.requests).toHaveLength(3);
    const notice = await fx.waitForNotice(admin, (n) => n.eventId === event.id, 'the notice');
    const webhook = notice.deliveries.find((d) => d.channel === 'webhook' && d.webhookId === webhookId);
    expect(webhook).toMatchObject({ status: 'failed', attempts: 3 });
    expect(webhook?.error).toContain('gave up after 3 attempts');
  });

  it('POSTs only the event types subscribed, one POST per event with the notices whose recipients allow webhooks', async () => {
    const receiverForApprovals = await receiver(() => 204);
    const webhookId = await register(receiverForApprovals.url, [ApplicationApproved.type]);
    const enterprise = enterpriseState();
    const user: TestCaller = { sub: 'ent-user', roles: ['enterprise'], enterpriseId: enterprise.id };
    expect((await fx.api('PUT', '/preferences', user, { channels: { [ApplicationApproved.type]: { webhook: false } } })).status).toBe(200);
    const story = new ApplicationStory(enterprise.id, 'officer-ann');
    const submitted = cloudEvent(ApplicationSubmitted, story.id, story.next('SUBMITTED', { id: 'officer-ann', role: 'officer' }));
    const approved = cloudEvent(ApplicationApproved, story.id, story.next('APPROVED', { id: 'rita', role: 'reviewer' }, { approvedAmount: '1000000.00' }));
    await fx.publish(TOPICS.registryEnterprise, [cloudEvent(EnterpriseRegistered, enterprise.id, enterprise)]);
    await fx.publish(TOPICS.grantsApplication, [submitted, approved]);
    const log = await pollUntil(async () => {
      const items = await attempts(webhookId);
      return items.length > 0 && items;
    }, { description: 'the approval POST' });
    expect(log.map((a) => [a.eventId, a.status, a.responseCode])).toEqual([[approved.id, 'sent', 204]]);
    const payload = JSON.parse(receiverForApprovals.requests[0].body);
    // The enterprise opted out of webhooks for approvals: only the officer's notice is carried.
    expect(payload.notifications.map((n: { recipient: string }) => n.recipient)).toEqual(['officer-ann']);
    expect(receiverForApprovals.requests).toHaveLength(1);
  });
});
