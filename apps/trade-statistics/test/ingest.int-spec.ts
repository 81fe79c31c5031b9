import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { deadLetterTopicFor } from '@westgate/contracts';
import { dropDatabase } from '@westgate/persistence';
import type { TestService } from '@westgate/platform';
import { createTestDatabase, http, pollUntil, TopicRecorder, testKafka, uniqueSuffix } from '@westgate/testing';
import { query, rollupDifferences } from './support/consistency';
import { cents, expectedSummary, DIMENSIONS, makeDeclarations, makeUsccs, usdOf } from './support/declarations.fixture';
import { batchMessage, batchMessages, produceToIngestTopic } from './support/ingest-topic';
import { officer, startStatistics, summary, waitForTotal } from './support/statistics-service';

const root = join(__dirname, '..', '..', '..');
const periods = ['2025-03', '2025-04', '2026-03', '2026-04'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('declaration ingestion: exactly once, whatever happens', () => {
  const services: TestService[] = [];
  afterAll(async () => {
    for (const service of services) await service.close().catch(() => undefined);
  });

  it('counts a declaration once across batches, redeliveries and a restart of the service', async () => {
    const usccs = makeUsccs(30, 5);
    const rows = makeDeclarations({ count: 4000, usccs, periods, seed: 3, idPrefix: 'RST' });
    const first = await startStatistics();
    services.push(first);
    const post = async (service: TestService, batch: unknown[]) => {
      const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: batch });
      expect(response.status).toBe(202);
    };
    await post(first, rows.slice(0, 2500));
    await post(first, rows.slice(2000, 3000));
    await waitForTotal(first, '2025-01', '2026-12', 3000);
    // Stop the instance, keeping its database (TestService.close would drop it).
    await first.app.close();
    services.pop();

    // The same database and Kafka namespace: a new instance of the service.
    const second = await startStatistics({ namespace: first.namespace, env: { DATABASE_URL: first.databaseUrl } });
    services.push(second);
    await post(second, rows.slice(1000, 4000));
    await post(second, rows.slice(0, 500));
    await waitForTotal(second, '2025-01', '2026-12', 4000);
    const result = await summary(second, { from: '2025-01', to: '2026-12', groupBy: 'period' });
    expect(result.totalValueUsd).toBe(usdOf(rows.reduce((sum, d) => sum + cents(d.valueUsd), 0n)));
    const [{ n }] = await query<{ n: number }>(first.databaseUrl, 'SELECT count(*)::integer AS n FROM declaration');
    expect(n).toBe(4000);
    await second.close();
    services.pop();
    await dropDatabase(first.databaseUrl);
  });

  it('takes batches from external producers on the topic, and dead-letters what breaks the contract with the reason', async () => {
    const service = await startStatistics();
    services.push(service);
    const usccs = makeUsccs(10, 9);
    const rows = makeDeclarations({ count: 600, usccs, periods, seed: 4, idPrefix: 'EXT' });
    const group = `${service.namespace}.trade-statistics.trade.declaration.v1`;
    const recorder = await new TopicRecorder(testKafka('dlq-reader'), [deadLetterTopicFor(group)]).start();
    try {
      const [good, bad] = [rows.slice(0, 500), rows.slice(500)];
      const valid = bad[0];
      const otherUscc = usccs.find((u) => u !== valid.uscc) as string;
      const mixed = [
        valid,
        { ...bad[1], uscc: valid.uscc, hsCode: '7701000000' },
        { ...bad[2], uscc: valid.uscc, valueUsd: 12 },
        { ...bad[3], uscc: otherUscc },
      ];
      await produceToIngestTopic(service.namespace, [
        ...batchMessages(good, 50),
        // The same declarations again, in other messages: counted once.
        ...batchMessages(good.slice(0, 100), 30),
        { key: 'x', value: 'not json at all' },
        batchMessage(usccs[0], [bad[4]], { type: 'westgate.trade.declaration.deleted.v1' }),
        batchMessage(usccs[0], [bad[5]], { subject: usccs[1] }),
        batchMessage(valid.uscc, mixed),
      ]);
      await waitForTotal(service, '2025-01', '2026-12', 501);
      await pollUntil(() => recorder.messages.length >= 4, { timeoutMs: 30_000, description: 'four dead letters' });
      const reasons = recorder.messages.map((m) => m.headers['dlq-error']);
      expect(recorder.messages.every((m) => m.headers['dlq-reason'] === 'CONTRACT_VIOLATION')).toBe(true);
      expect(reasons.some((r) => /not JSON/.test(r))).toBe(true);
      expect(reasons.some((r) => /type must be/.test(r))).toBe(true);
      expect(reasons.some((r) => /subject must equal data.uscc/.test(r))).toBe(true);
      const partial = recorder.messages.find((m) => /hsCode/.test(m.headers['dlq-error']));
      expect(partial?.headers['dlq-error']).toMatch(/valueUsd/);
      expect(partial?.headers['dlq-error']).toMatch(/must be the batch's uscc/);
      // Only the bad declarations are parked; the good one of that message was counted.
      expect(JSON.parse(partial?.value ?? '{}').data.declarations).toHaveLength(3);
    } finally {
      await recorder.stop();
    }
  });

  it('waits out a database that drops its connections mid-chunk, and counts every declaration once', async () => {
    const service = await startStatistics({ env: { INGEST_CHUNK_ROWS: '300' } });
    services.push(service);
    const usccs = makeUsccs(40, 17);
    const rows = makeDeclarations({ count: 12_000, usccs, periods, seed: 19, idPrefix: 'DROP' });
    await produceToIngestTopic(service.namespace, batchMessages(rows, 50));
    // Cut the ingest consumer's connections again and again while it works (transactions roll back).
    let cuts = 0;
    const cutter = setInterval(() => {
      void query(service.databaseUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'trade-statistics-ingest'").then(
        (killed) => (cuts += killed.length),
        () => undefined,
      );
    }, 150);
    try {
      await pollUntil(async () => cuts >= 5 || false, { timeoutMs: 30_000, description: 'a few connections cut' });
    } finally {
      clearInterval(cutter);
    }
    await waitForTotal(service, '2025-01', '2026-12', rows.length, 90_000);
    const result = await summary(service, { from: '2025-01', to: '2026-12', groupBy: 'period' });
    expect(result.totalValueUsd).toBe(usdOf(rows.reduce((sum, d) => sum + cents(d.valueUsd), 0n)));
    const differences = await rollupDifferences(service.databaseUrl);
    expect(Object.values(differences).every((n) => n === 0) ? 'consistent' : differences).toBe('consistent');
    // Bounded by its own deadlines (30 s + 90 s), not the suite's 60 s default.
  }, 150_000);

  it('after a consumer killed mid-batch and restarted, the totals equal those of a clean run', async () => {
    const database = await createTestDatabase('stats_kill');
    const namespace = `t${uniqueSuffix()}`;
    const usccs = makeUsccs(200, 13);
    const rows = makeDeclarations({ count: 40_000, usccs, periods, seed: 21, idPrefix: 'KILL' });
    // Repeats of earlier declarations further down the topic.
    await produceToIngestTopic(namespace, [...batchMessages(rows, 100), ...batchMessages(rows.slice(0, 4000), 100)]);

    const port = await freePort();
    const child: ChildProcess = spawn(join(root, 'tools', 'runtime', 'ts-run.sh'), [join(root, 'apps', 'trade-statistics', 'src', 'main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: database.url,
        KAFKA_NAMESPACE: namespace,
        KAFKA_TOPIC_PARTITIONS: '3',
        LOG_LEVEL: 'error',
        INGEST_CHUNK_ROWS: '500',
        INGEST_CONCURRENCY: '2',
        // The killed instance never leaves its group: the broker gives its partitions away after this.
        INGEST_SESSION_TIMEOUT_MS: '6000',
        PERIOD_AUTO_CLOSE_CHECK_SECONDS: '0',
      },
      stdio: 'ignore',
    });
    let killedAt = 0;
    try {
      killedAt = await pollUntil(
        async () => {
          const [{ n }] = await query<{ n: number }>(database.url, 'SELECT count(*)::integer AS n FROM declaration');
          return n >= 5_000 ? n : false;
        },
        { timeoutMs: 90_000, intervalMs: 20, description: 'the first instance to be ingesting' },
      );
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    expect(killedAt).toBeLessThan(rows.length);

    // Its start waits for the killed instance's sessions in the registry and grants consumer groups
    // to expire (30 s, the messaging library's setting); the ingest group's is 6 s here.
    const service = await startStatistics({ namespace, env: { DATABASE_URL: database.url, INGEST_CHUNK_ROWS: '3000' }, waitReady: false });
    services.push(service);
    await waitForTotal(service, '2025-01', '2026-12', rows.length, 90_000);
    const clean = (groupBy: 'partnerCountry' | 'category') =>
      expectedSummary(rows, { from: '2026-03', to: '2026-04', key: DIMENSIONS[groupBy] });
    for (const groupBy of ['partnerCountry', 'category'] as const) {
      const actual = await summary(service, { from: '2026-03', to: '2026-04', groupBy });
      const expected = clean(groupBy);
      expect(actual.totalValueUsd).toBe(expected.totalValueUsd);
      expect(Object.fromEntries(actual.rows.map((r) => [r.key, [r.valueUsd, r.declarations]]))).toEqual(
        Object.fromEntries(expected.rows.map((r) => [r.key, [r.valueUsd, r.declarations]])),
      );
    }
    const differences = await rollupDifferences(database.url);
    expect(Object.values(differences).every((n) => n === 0) ? 'consistent' : differences).toBe('consistent');
    await service.close();
    services.pop();
    await database.drop().catch(() => undefined);
    // About 40 s on a quiet machine (30 s of it the killed instance's sessions expiring); bounded
    // by its own deadlines (90 s + the restart's + 90 s), not the suite's 60 s default.
  }, 300_000);
});
