import { randomUUID } from 'node:crypto';
import { TopicRecorder, pollUntil } from '@westgate/testing';
import { OutboxRelay, runWithCorrelation } from '../src';
import { messagingFixture, quietLogger } from './messaging-fixture';

/** A relay that dies after fetching a batch, before Kafka acknowledged it. */
class CrashBeforePublishRelay extends OutboxRelay {
  protected override async send(): Promise<void> {
    throw new Error('simulated crash between commit and publish');
  }
}

/** A relay that publishes, then dies before marking the rows published. */
class CrashAfterPublishRelay extends OutboxRelay {
  protected override async send(rows: Parameters<OutboxRelay['send']>[0]): Promise<void> {
    await super.send(rows);
    throw new Error('simulated crash between publish and mark');
  }
}

/** A relay that counts its rounds: how many batches it handed to Kafka. */
class CountingRelay extends OutboxRelay {
  readonly batches: number[] = [];
  protected override async send(rows: Parameters<OutboxRelay['send']>[0]): Promise<void> {
    this.batches.push(rows.length);
    await super.send(rows);
  }
}

describe('transactional outbox', () => {
  let fx: Awaited<ReturnType<typeof messagingFixture>>;
  let recorder: TopicRecorder;
  let writer: Awaited<ReturnType<typeof messagingFixture>>['writer'];

  beforeAll(async () => {
    fx = await messagingFixture('outbox');
    writer = fx.writer;
    recorder = await new TopicRecorder(fx.kafka, [fx.topic]).start();
  });

  afterAll(async () => {
    await recorder.stop();
    await fx.close();
  });

  it('publishes committed events, in order per aggregate, with the envelope and headers', async () => {
    const relay = await fx.startRelay();
    await runWithCorrelation({ correlationId: 'corr-order-1' }, () =>
      fx.dataSource.transaction(async (manager) => {
        for (let n = 0; n < 20; n++) {
          await writer.stage(manager, { definition: fx.probe, subject: `agg-${n % 3}`, data: { name: 'order', n } });
        }
      }),
    );
    const received = await pollUntil(() => recorder.on(fx.topic).length >= 20 && recorder.on(fx.topic), {
      description: '20 events on the topic',
    });
    for (const aggregate of ['agg-0', 'agg-1', 'agg-2']) {
      const ns = received.filter((m) => m.key === aggregate).map((m) => JSON.parse(m.value as string).data.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    const first = JSON.parse(received[0].value as string);
    expect(first).toMatchObject({
      specversion: '1.0',
      source: '/westgate/outbox',
      type: fx.probe.type,
      datacontenttype: 'application/json',
      correlationid: 'corr-order-1',
    });
    expect(received[0].headers['correlation-id']).toBe('corr-order-1');
    expect(received[0].headers.ce_type).toBe(fx.probe.type);
    await relay.stop();
  });

  it('vacuums the outbox itself, so that published rows do not slow the scan for pending ones', async () => {
    const vacuums = async (): Promise<number> => {
      const [row] = await fx.dataSource.query(`SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'`);
      return Number(row?.vacuum_count ?? 0);
    };
    const before = await vacuums();
    const relay = await fx.startRelay(new OutboxRelay(fx.producer, { ...fx.relaySettings, vacuumEveryRows: 30 }, quietLogger));
    const published = recorder.on(fx.topic).length;
    await fx.dataSource.transaction(async (manager) => {
      for (let n = 0; n < 40; n++) await writer.stage(manager, { definition: fx.probe, subject: `vac-${n}`, data: { name: 'vacuum', n } });
    });
    await pollUntil(() => recorder.on(fx.topic).length >= published + 40, { description: '40 events on the topic' });
    await pollUntil(async () => (await vacuums()) > before, { description: 'a vacuum of the outbox' });
    await relay.stop();
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const relay = await fx.startRelay();
    const before = recorder.on(fx.topic).length;
    await expect(
      fx.dataSource.transaction(async (manager) => {
        await writer.stage(manager, { definition: fx.probe, subject: 'rollback', data: { name: 'rolled-back', n: 1 } });
        throw new Error('use-case failed after staging');
      }),
    ).rejects.toThrow('use-case failed');
    await fx.dataSource.transaction((manager) =>
      writer.stage(manager, { definition: fx.probe, subject: 'rollback', data: { name: 'after-rollback', n: 2 } }),
    );
    await pollUntil(() => recorder.on(fx.topic).some((m) => m.value?.includes('after-rollback')), { description: 'the later event' });
    const names = recorder.on(fx.topic).slice(before).map((m) => JSON.parse(m.value as string).data.name);
    expect(names).toEqual(['after-rollback']);
    await relay.stop();
  });

  it('refuses to stage a payload that breaks its contract', async () => {
    await expect(
      fx.dataSource.transaction((manager) =>
        writer.stage(manager, { definition: fx.probe, subject: 'bad', data: { name: 'bad', n: -1 } }),
      ),
    ).rejects.toThrow(/violates its contract/);
  });

  it('stages events in a use-case’s own statement (insertFor): published once it succeeds, never if it fails', async () => {
    const relay = await fx.startRelay();
    const stageIn = (sql: (outbox: string) => string, name: string) =>
      runWithCorrelation({ correlationId: 'corr-statement', causationId: 'cause-1' }, async () => {
        const insert = writer.insertFor([{ definition: fx.probe, subject: 'statement', data: { name, n: 1 } }], 2);
        await fx.dataSource.query(sql(insert.sql), [1, ...insert.parameters]);
        writer.committed();
        return insert.events[0];
      });
    await expect(stageIn((outbox) => `WITH o AS (${outbox}) SELECT 1 / ($1::int - 1)`, 'statement-failed')).rejects.toThrow(/division by zero/);
    const staged = await stageIn((outbox) => `WITH o AS (${outbox}) SELECT $1::int`, 'statement-ok');
    const message = await pollUntil(() => recorder.on(fx.topic).find((m) => m.value?.includes('statement-ok')), {
      description: 'the event staged in a statement',
    });
    expect(JSON.parse(message.value as string)).toEqual(staged);
    expect(message.headers).toMatchObject({ ce_id: staged.id, 'correlation-id': 'corr-statement', 'causation-id': 'cause-1' });
    expect(recorder.on(fx.topic).some((m) => m.value?.includes('statement-failed'))).toBe(false);
    await relay.stop();
  });

  it('publishes rows staged before the outbox had header columns, their ids read from the payload', async () => {
    const relay = await fx.startRelay();
    const legacy = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/westgate/outbox',
      type: fx.probe.type,
      subject: 'legacy',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: 'corr-legacy',
      causationid: 'cause-legacy',
      data: { name: 'legacy-row', n: 1 },
    };
    await fx.dataSource.query('INSERT INTO outbox (id, topic, message_key, event_type, payload) VALUES ($1, $2, $3, $4, $5)', [
      legacy.id,
      fx.probe.topic,
      legacy.subject,
      legacy.type,
      JSON.stringify(legacy),
    ]);
    relay.nudge();
    const message = await pollUntil(() => recorder.on(fx.topic).find((m) => m.value?.includes('legacy-row')), {
      description: 'the legacy row',
    });
    expect(message.headers).toMatchObject({ ce_id: legacy.id, 'correlation-id': 'corr-legacy', 'causation-id': 'cause-legacy' });
    await relay.stop();
  });

  it('loses nothing when the relay dies between commit and publish', async () => {
    const crashing = await fx.startRelay(new CrashBeforePublishRelay(fx.producer, fx.relaySettings, quietLogger));
    await fx.dataSource.transaction(async (manager) => {
      for (let n = 0; n < 10; n++) {
        await writer.stage(manager, { definition: fx.probe, subject: 'crash', data: { name: 'crash-before', n } });
      }
    });
    await crashing.drained();
    await fx.stopRelays();
    expect(recorder.on(fx.topic).filter((m) => m.value?.includes('crash-before'))).toHaveLength(0);

    await fx.startRelay();
    const arrived = await pollUntil(
      () => {
        const found = recorder.on(fx.topic).filter((m) => m.value?.includes('crash-before'));
        return found.length >= 10 && found;
      },
      { description: 'the 10 events staged before the crash' },
    );
    expect(arrived.map((m) => JSON.parse(m.value as string).data.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('republishes (never loses) when the relay dies between publish and mark', async () => {
    // Only the crashing relay may hold the publisher lock.
    await fx.stopRelays();
    await fx.startRelay(new CrashAfterPublishRelay(fx.producer, fx.relaySettings, quietLogger));
    await fx.dataSource.transaction((manager) =>
      writer.stage(manager, { definition: fx.probe, subject: 'crash-after', data: { name: 'crash-after', n: 1 } }),
    );
    await pollUntil(() => recorder.on(fx.topic).some((m) => m.value?.includes('crash-after')), { description: 'first publish' });
    await fx.stopRelays();
    await fx.startRelay();
    const copies = await pollUntil(
      () => {
        const found = recorder.on(fx.topic).filter((m) => m.value?.includes('crash-after'));
        return found.length >= 2 && found;
      },
      { description: 'the republished copy' },
    );
    // The same event (same id) twice: consumers' inboxes make the second copy harmless.
    expect(new Set(copies.map((m) => JSON.parse(m.value as string).id)).size).toBe(1);
  });

  it('reaches Kafka promptly after commit when idle (woken by the commit, not by polling)', async () => {
    await fx.stopRelays();
    await fx.startRelay();
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const committedAt = Date.now();
      await fx.dataSource.transaction((manager) =>
        writer.stage(manager, { definition: fx.probe, subject: 'latency', data: { name: `latency-${i}`, n: i } }),
      );
      const message = await pollUntil(() => recorder.on(fx.topic).find((m) => m.value?.includes(`"latency-${i}"`)), {
        intervalMs: 2,
        description: `latency event ${i}`,
      });
      latencies.push(message.receivedAt - committedAt);
    }
    latencies.sort((a, b) => a - b);
    // The relay's fallback poll is 200 ms here: a median well below it proves the wake-up.
    expect(latencies[5]).toBeLessThan(100);
  });

  it('gathers the commits of a busy moment into one batch when it lingers, instead of a round per commit', async () => {
    await fx.stopRelays();
    const relay = new CountingRelay(fx.producer, { ...fx.relaySettings, lingerMs: 250 }, quietLogger);
    await fx.startRelay(relay);
    // Twenty commits one after another, each waking the relay, as concurrent requests do.
    for (let i = 0; i < 20; i++) {
      await fx.dataSource.transaction((manager) =>
        writer.stage(manager, { definition: fx.probe, subject: `burst-${i}`, data: { name: `burst-${i}`, n: i } }),
      );
    }
    await pollUntil(() => recorder.on(fx.topic).filter((m) => m.value?.includes('"burst-')).length === 20, {
      description: 'the twenty events on the topic',
    });
    expect(relay.batches.reduce((sum, n) => sum + n, 0)).toBe(20);
    expect(relay.batches.length).toBeLessThanOrEqual(3);
  });

  it('a standby relay’s process tells the active relay elsewhere (NOTIFY outside the transaction)', async () => {
    await fx.stopRelays();
    const slowPoll = { ...fx.relaySettings, pollIntervalMs: 60_000 };
    const active = new OutboxRelay(fx.producer, slowPoll, quietLogger);
    await active.start();
    await pollUntil(() => active.isLeader, { description: 'the first relay to lead' });
    // This process's writer knows only the standby relay, as a second replica would.
    const standby = await fx.startRelay(new OutboxRelay(fx.producer, slowPoll, quietLogger));
    expect(standby.isLeader).toBe(false);
    try {
      await fx.dataSource.transaction((manager) =>
        writer.stage(manager, { definition: fx.probe, subject: 'replica', data: { name: 'from-the-standby-replica', n: 1 } }),
      );
      await pollUntil(() => recorder.on(fx.topic).some((m) => m.value?.includes('from-the-standby-replica')), {
        timeoutMs: 5_000,
        description: 'the event, published by the active relay long before its next poll',
      });
    } finally {
      await active.stop();
    }
  });
});
