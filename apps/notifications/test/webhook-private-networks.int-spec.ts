import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ExportDeclineAlert, TOPICS } from '@westgate/contracts';
import { pollUntil, type TestCaller } from '@westgate/testing';
import { cloudEvent, exportDeclineAlert } from './support/events';
import { startNotifications, type NotificationsFixture } from './support/fixture';
import { WebhookReceiver } from './support/receiver';

/**
 * Server-side request forgery: with WEBHOOK_ALLOW_PRIVATE_NETWORKS=false (production's default)
 * no webhook is registered for, or POSTed to, an internal address. (Allowed, the default in
 * development and test, is what webhooks.int-spec.ts runs with: receivers on 127.0.0.1.)
 */
describe('webhooks with private networks refused', () => {
  let fx: NotificationsFixture;
  let receiver: WebhookReceiver;
  const admin: TestCaller = { sub: 'admin-ssrf', roles: ['admin'] };
  const eventTypes = [ExportDeclineAlert.type];

  beforeAll(async () => {
    receiver = await new WebhookReceiver(() => 200).start();
    fx = await startNotifications({
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false',
      WEBHOOK_TIMEOUT_MS: '300',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_DELAY_MS: '400',
    });
  });

  afterAll(async () => {
    await receiver?.stop();
    await fx?.close();
  });

  it('refuses to register a URL whose host is or resolves to an internal address: 400 on `url`', async () => {
    const port = new URL(receiver.url).port;
    const internal = [
      receiver.url,
      `http://localhost:${port}/hooks`,
      'http://[::1]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hooks',
      'http://172.16.8.1/hooks',
      'https://192.168.1.20/hooks',
      'http://0.0.0.0:8080/',
      'http://[fd00::1]/hooks',
      'http://2130706433/hooks', // 127.0.0.1 spelt as a number
    ];
    for (const url of internal) {
      const response = await fx.api('POST', '/webhooks', admin, { url, eventTypes, secret: 's' });
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
      expect(response.body.errors[0].message).toMatch(/internal address/);
    }
    const publicUrl = await fx.api('POST', '/webhooks', admin, { url: 'https://93.184.216.34/hooks', eventTypes, secret: 's' });
    expect(publicUrl.status).toBe(201);
    expect((await fx.api('DELETE', `/webhooks/${publicUrl.body.id}`, admin)).status).toBe(204);
  });

  it('fails the deliveries of a webhook whose host resolves to an internal address when sending, without a request', async () => {
    // Registered while private networks were allowed, or a name that pointed elsewhere then (DNS rebinding).
    const port = new URL(receiver.url).port;
    const byName = randomUUID();
    const byAddress = randomUUID();
    const db = new Client({ connectionString: fx.service.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO webhook (id, url, event_types, secret, created_by) VALUES ($1, $2, $4, 's', 'admin-ssrf'), ($3, $5, $4, 's', 'admin-ssrf')`,
        [byName, `http://localhost:${port}/hooks`, byAddress, eventTypes, receiver.url],
      );
    } finally {
      await db.end();
    }
    const alert = exportDeclineAlert({ enterpriseName: 'Tacheng Trading Co.' });
    const event = cloudEvent(ExportDeclineAlert, alert.enterpriseId, alert);
    await fx.publish(TOPICS.tradeAlert, [event]);

    for (const [webhookId, refused] of [
      [byName, `localhost (127.0.0.1) is an internal address (loopback)`],
      [byAddress, `127.0.0.1 is an internal address (loopback)`],
    ]) {
      const log = await pollUntil(
        async () => {
          const items = (await fx.api('GET', `/webhooks/${webhookId}/deliveries`, admin)).body.items as Array<Record<string, unknown>>;
          return items.some((a) => a.deliveryStatus === 'failed') && items;
        },
        { description: 'the delivery to fail', timeoutMs: 20_000 },
      );
      expect(log.map((a) => [a.attempt, a.status, a.responseCode])).toEqual([
        [1, 'failed', null],
        [2, 'failed', null],
        [3, 'failed', null],
      ]);
      for (const attempt of log) expect(attempt.error).toContain(refused);
      const notice = await fx.waitForNotice(admin, (n) => n.eventId === event.id, 'the notice');
      const delivery = notice.deliveries.find((d) => d.channel === 'webhook' && d.webhookId === webhookId);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
      expect(delivery?.error).toContain(refused);
    }
    expect(receiver.requests).toHaveLength(0);
  });
});
