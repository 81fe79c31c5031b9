import type { Producer } from 'kafkajs';
import type { CloudEvent } from '@westgate/contracts';
import { startTestService, type TestService } from '@westgate/platform';
import { http, pollUntil, testKafka, tokenFor, type HttpResult, type TestCaller } from '@westgate/testing';
import { notificationsService } from '../../src/notifications.definition';
import { startMailSink, type MailSink } from './mail-sink';

export interface NotificationsFixture {
  service: TestService;
  sink: MailSink;
  producer: Producer;
  /** Publishes events to a logical topic of this run's namespace, keyed by subject. */
  publish(topic: string, events: CloudEvent[]): Promise<void>;
  api(method: string, path: string, caller: TestCaller | undefined, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** Waits until the caller's inbox holds a notice matching `predicate`, and returns it. */
  waitForNotice(caller: TestCaller, predicate: (notice: InboxItem) => boolean, description: string): Promise<InboxItem>;
  inbox(caller: TestCaller, query?: string): Promise<InboxItem[]>;
  close(): Promise<void>;
}

export interface InboxItem {
  id: string;
  recipient: string;
  eventType: string;
  eventId: string;
  title: string;
  body: string;
  locale: string;
  link: string;
  createdAt: string;
  readAt: string | null;
  deliveries: Array<{ channel: string; status: string; attempts: number; error: string | null; webhookId?: string }>;
}

/**
 * The notifications service as in production, on its own database and Kafka namespace, with a
 * real SMTP sink on a free port and a producer standing in for the other services.
 */
export async function startNotifications(env: Record<string, string> = {}, namespace?: string): Promise<NotificationsFixture> {
  const sink = await startMailSink();
  const service = await startTestService(notificationsService, {
    namespace,
    env: {
      SMTP_URL: sink.smtpUrl,
      PUBLIC_APP_URL: 'https://westgate.example',
      DELIVERY_POLL_INTERVAL_MS: '50',
      EMAIL_RETRY_BASE_MS: '100',
      EMAIL_RETRY_MAX_DELAY_MS: '500',
      EMAIL_MAX_ATTEMPTS: '20',
      ...env,
    },
  });
  const producer = testKafka('notifications-test').producer();
  await producer.connect();
  await pollUntil(async () => (await http(service.baseUrl, 'GET', '/health/ready')).status === 200, {
    description: 'the consumers to join',
    timeoutMs: 45_000,
    intervalMs: 200,
  });
  const api: NotificationsFixture['api'] = (method, path, caller, body, headers) =>
    http(service.baseUrl, method, `/api/v1${path}`, { token: caller ? tokenFor(caller) : undefined, body, headers });
  const inbox = async (caller: TestCaller, query = ''): Promise<InboxItem[]> => {
    const response = await api('GET', `/notifications${query}`, caller);
    if (response.status !== 200) throw new Error(`inbox: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.items as InboxItem[];
  };
  return {
    service,
    sink,
    producer,
    publish: async (topic, events) => {
      await producer.send({
        topic: service.topic(topic),
        messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })),
      });
    },
    api,
    inbox,
    waitForNotice: (caller, predicate, description) =>
      pollUntil(async () => (await inbox(caller, '?limit=500')).find(predicate), { description, timeoutMs: 20_000, intervalMs: 100 }),
    close: async () => {
      await producer.disconnect();
      await service.close();
      await sink.close();
    },
  };
}
