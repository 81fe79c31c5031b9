import { randomUUID } from 'node:crypto';
import { CloudEvent, deadLetterTopicFor } from '@westgate/contracts';
import { ensureTopics, EventConsumer, EventHandler, OutboxWriter, currentCorrelation } from '../src';
import { pollUntil, TopicRecorder, uniqueSuffix } from '@westgate/testing';
import { messagingFixture, ProbePayload, quietLogger } from './messaging-fixture';

const settings = { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100, chunkSize: 50, partitionsConsumedConcurrently: 3 };

describe('idempotent consumer with retries and dead letters', () => {
  let fx: Awaited<ReturnType<typeof messagingFixture>>;
  const consumers: EventConsumer[] = [];
  const recorders: TopicRecorder[] = [];

  beforeAll(async () => {
    fx = await messagingFixture('consumer');
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    for (const recorder of recorders) await recorder.stop();
    await fx.close();
  });

  function probeEvent(n: number, overrides: Partial<CloudEvent<ProbePayload>> = {}): CloudEvent<ProbePayload> {
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: '/westgate/test',
      type: fx.probe.type,
      subject: `agg-${n % 4}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: `corr-${n}`,
      data: { name: 'probe', n },
      ...overrides,
    };
  }

  async function produce(topic: string, values: Array<object | string>): Promise<void> {
    await ensureTopics(fx.kafka, [topic], { numPartitions: 3, replicationFactor: 1 });
    await fx.producer.send({
      topic,
      messages: values.map((value, i) => ({
        key: `k-${i % 4}`,
        value: typeof value === 'string' ? value : JSON.stringify(value),
        headers: { origin: 'test' },
      })),
    });
  }

  async function startConsumer(topic: string, group: string, handle: EventHandler): Promise<EventConsumer> {
    await ensureTopics(fx.kafka, [topic, deadLetterTopicFor(group)], { numPartitions: 3, replicationFactor: 1 });
    const definition = { ...fx.probe, topic };
    const consumer = new EventConsumer(fx.kafka, fx.dataSource, fx.producer, { topic, consumerGroup: group, definitions: [definition], handle }, settings, quietLogger);
    consumers.push(consumer);
    await consumer.start();
    await pollUntil(() => consumer.hasJoined, { description: `${group} to join`, timeoutMs: 30_000 });
    return consumer;
  }

  const recordEffect: EventHandler = async (event, { manager }) => {
    const data = event.data as ProbePayload;
    await manager.query('INSERT INTO effects (event_id, n) VALUES ($1, $2)', [event.id, data.n]);
  };

  it('applies each event once, however often it is delivered', async () => {
    const topic = `westgate.test.dedupe.${uniqueSuffix()}.v1`;
    await ensureTopics(fx.kafka, [topic], { numPartitions: 3, replicationFactor: 1 });
    const events = Array.from({ length: 30 }, (_, n) => probeEvent(1000 + n));
    // Every event twice, and the first five a third time.
    await produce(topic, [...events, ...events, ...events.slice(0, 5)]);
    const group = `test-dedupe-${uniqueSuffix()}`;
    await startConsumer(topic, group, recordEffect);
    const ids = new Set(events.map((e) => e.id));
    // Wait until all 65 deliveries were consumed and committed, duplicates included.
    await pollUntil(async () => (await committedOffsets(group, topic)) === 65, { description: '65 messages committed' });
    const applied = (await fx.effects()).filter((e) => ids.has(e.event_id));
    expect(applied).toHaveLength(30);
    expect(new Set(applied.map((e) => e.event_id)).size).toBe(30);
  });

  it('dead-letters a poison message with its error and headers, and goes on with the next', async () => {
    const topic = `westgate.test.poison.${uniqueSuffix()}.v1`;
    const group = `test-poison-${uniqueSuffix()}`;
    const dlq = await new TopicRecorder(fx.kafka, [deadLetterTopicFor(group)]);
    await ensureTopics(fx.kafka, [topic, deadLetterTopicFor(group)], { numPartitions: 3, replicationFactor: 1 });
    recorders.push(await dlq.start());
    let poisonAttempts = 0;
    const poison = probeEvent(66, { subject: 'same-aggregate' });
    const next = probeEvent(67, { subject: 'same-aggregate' });
    await produce(topic, [poison, next]);
    await startConsumer(topic, group, async (event, context) => {
      if ((event.data as ProbePayload).n === 66) {
        poisonAttempts++;
        throw new Error('cannot handle 66');
      }
      await recordEffect(event, context);
    });
    const parked = await pollUntil(() => dlq.on(deadLetterTopicFor(group))[0], { description: 'the poison message in the DLQ' });
    expect(parked.headers['dlq-reason']).toBe('HANDLER_FAILED');
    expect(parked.headers['dlq-error']).toContain('cannot handle 66');
    expect(parked.headers['dlq-original-topic']).toBe(topic);
    expect(parked.headers['dlq-attempts']).toBe('3');
    expect(parked.headers.origin).toBe('test');
    expect(JSON.parse(parked.value as string).id).toBe(poison.id);
    expect(poisonAttempts).toBe(3);
    await pollUntil(async () => (await fx.effects()).some((e) => e.event_id === next.id), { description: 'the next message applied' });
    expect((await fx.effects()).some((e) => e.event_id === poison.id)).toBe(false);
  });

  it('dead-letters at once what breaks the contract: not JSON, bad envelope, bad payload, unknown type', async () => {
    const topic = `westgate.test.contract.${uniqueSuffix()}.v1`;
    const group = `test-contract-${uniqueSuffix()}`;
    await ensureTopics(fx.kafka, [topic, deadLetterTopicFor(group)], { numPartitions: 1, replicationFactor: 1 });
    const dlq = await new TopicRecorder(fx.kafka, [deadLetterTopicFor(group)]).start();
    recorders.push(dlq);
    let calls = 0;
    const good = probeEvent(5);
    await produce(topic, [
      'not json {',
      { ...probeEvent(1), specversion: '0.3' },
      probeEvent(2, { data: { name: 'x', n: -5 } }),
      probeEvent(3, { type: 'westgate.test.unknown.v1' }),
      good,
    ]);
    await startConsumer(topic, group, async (event, context) => {
      calls++;
      await recordEffect(event, context);
    });
    const parked = await pollUntil(() => dlq.on(deadLetterTopicFor(group)).length >= 4 && dlq.on(deadLetterTopicFor(group)), {
      description: 'four contract violations in the DLQ',
    });
    expect(parked.map((m) => m.headers['dlq-reason'])).toEqual(Array(4).fill('CONTRACT_VIOLATION'));
    expect(parked.map((m) => m.headers['dlq-attempts'])).toEqual(Array(4).fill('0'));
    expect(parked[0].headers['dlq-error']).toContain('not JSON');
    expect(parked[1].headers['dlq-error']).toContain('specversion');
    expect(parked[2].headers['dlq-error']).toContain('data.n');
    expect(parked[3].headers['dlq-error']).toContain('unknown event type');
    await pollUntil(async () => (await fx.effects()).some((e) => e.event_id === good.id), { description: 'the good event applied' });
    expect(calls).toBe(1);
  });

  it('a slow handler on one topic does not stall another topic (bound: 3 s)', async () => {
    const slowTopic = `westgate.test.slow.${uniqueSuffix()}.v1`;
    const fastTopic = `westgate.test.fast.${uniqueSuffix()}.v1`;
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    await startConsumer(slowTopic, `test-slow-${uniqueSuffix()}`, async () => {
      await slowGate;
    });
    await startConsumer(fastTopic, `test-fast-${uniqueSuffix()}`, recordEffect);
    await produce(slowTopic, [probeEvent(1)]);
    const fast = probeEvent(2);
    const sentAt = Date.now();
    await produce(fastTopic, [fast]);
    await pollUntil(async () => (await fx.effects()).some((e) => e.event_id === fast.id), {
      timeoutMs: 3_000,
      description: 'the fast topic to be served while the slow handler is still busy',
    });
    expect(Date.now() - sentAt).toBeLessThan(3_000);
    releaseSlow();
  });

  it('carries correlation and causation into events that a handler publishes', async () => {
    const topic = `westgate.test.causation.${uniqueSuffix()}.v1`;
    const writer = new OutboxWriter('causation-test');
    const seen: Array<{ correlationId?: string; causationId?: string }> = [];
    const incoming = probeEvent(9, { correlationid: 'corr-from-request' });
    await produce(topic, [incoming]);
    await startConsumer(topic, `test-causation-${uniqueSuffix()}`, async (event, { manager }) => {
      seen.push({ ...currentCorrelation() });
      await writer.stage(manager, { definition: fx.probe, subject: 'caused', data: { name: 'caused', n: 1 } });
    });
    await pollUntil(() => seen.length > 0, { description: 'the handler to run' });
    const [row] = await pollUntil(
      async () => {
        const rows: Array<{ payload: CloudEvent }> = await fx.dataSource.query(
          "SELECT payload FROM outbox WHERE payload->>'subject' = 'caused'",
        );
        return rows.length > 0 && rows;
      },
      { description: 'the caused event in the outbox' },
    );
    expect(row.payload.correlationid).toBe('corr-from-request');
    expect(row.payload.causationid).toBe(incoming.id);
  });

  it('on shutdown finishes the handler in flight and commits, so nothing is redone', async () => {
    const topic = `westgate.test.shutdown.${uniqueSuffix()}.v1`;
    const group = `test-shutdown-${uniqueSuffix()}`;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const events = [probeEvent(1), probeEvent(2)];
    await produce(topic, events);
    const consumer = await startConsumer(topic, group, async (event, context) => {
      started++;
      await gate;
      await recordEffect(event, context);
    });
    await pollUntil(() => started > 0, { description: 'a handler in flight' });
    const stopping = consumer.stop();
    release();
    await stopping;
    const committed = await committedOffsets(group, topic);
    const applied = (await fx.effects()).filter((e) => events.some((ev) => ev.id === e.event_id));
    expect(applied.length).toBeGreaterThan(0);
    // Every applied message's offset was committed before the consumer left.
    expect(committed).toBeGreaterThanOrEqual(applied.length);
  });

  async function committedOffsets(group: string, topic: string): Promise<number> {
    const admin = fx.kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }
});
