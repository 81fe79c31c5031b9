/**
 * Notifications: application events through Kafka into the inbox of the real, compiled service
 * (a child process on its own database and Kafka namespace, as in production but with the
 * delivery workers off: e-mail and webhooks are sent after, not on, this path).
 *
 * 1. burst: N application events (each application submitted, under review, approved, disbursed:
 *    6 notices per 4 events), plus 5 % of them a second time, produced at once with kafkajs to the
 *    service's topic; time until every notification is stored → notificationsPerSec;
 * 2. steady: 200 events/s for a while; event → notification latency (p50, p99) from the moment the
 *    event was handed to the producer to the notification's insertion time in the database;
 * 3. duplicates: notifications beyond one per (recipient, event), counted by query;
 * 4. RSS: the service process's resident set, sampled every 250 ms over the whole run (the peak;
 *    also once ready and idle), with the service's deployed heap limit (192 MB): with V8's default
 *    sizing most of the peak would be garbage not yet collected;
 * 5. baseline: raw kafkajs consuming the same events (eachBatch, JSON.parse, no database) from the
 *    same topic on the same machine, in the same run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';
import { percentile, type Benchmark } from './report';

const root = join(__dirname, '..');
const outDir = join(root, 'tmp', 'bench', 'notifications');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PARTITIONS = 6;
const APPLICATION_TOPIC = 'westgate.grants.application.v1';

interface BenchEvent {
  id: string;
  key: string;
  value: string;
  /** Notifications this event makes (1 for the enterprise, 2 for decisions and disbursements). */
  notices: number;
}

/** Compiles the service and the libraries it uses (tsc, incremental) with the alias shims of tools/build. */
function compileService(): string {
  mkdirSync(outDir, { recursive: true });
  const tsconfig = join(root, 'tmp', 'bench', 'tsconfig.notifications.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: '../..', outDir: 'notifications', types: ['node'], incremental: true, tsBuildInfoFile: 'notifications.tsbuildinfo' },
      include: ['../../apps/notifications/src/**/*.ts', '../../libs/*/src/**/*.ts'],
      exclude: ['../../**/*.spec.ts', '../../**/*.int-spec.ts', '../../libs/testing/**'],
    }),
  );
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { stdio: 'inherit' });
  for (const lib of readdirSync(join(root, 'libs'))) {
    const shim = join(outDir, 'node_modules', '@westgate', lib);
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, 'index.js'), `module.exports = require('../../../libs/${lib}/src/index.js');\n`);
  }
  return join(outDir, 'apps', 'notifications', 'src', 'main.js');
}

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Peak resident set of a process, sampled from /proc. */
class RssSampler {
  private timer?: NodeJS.Timeout;
  peakKb = 0;

  constructor(private readonly pid: number) {}

  start(): this {
    this.timer = setInterval(() => this.sample(), 250);
    return this;
  }

  sample(): void {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (match) this.peakKb = Math.max(this.peakKb, Number(match[1]));
    } catch {
      // the process is gone
    }
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    return Math.round(this.peakKb / 1024);
  }
}

const OFFICERS = Array.from({ length: 50 }, (_, i) => `officer-${i}`);

/** The events of `count / 4` applications, each submitted, under review, approved and disbursed. */
function applicationEvents(count: number): BenchEvent[] {
  const events: BenchEvent[] = [];
  const steps = [
    { verb: 'submitted', status: 'SUBMITTED', from: 'DRAFT', notices: 1, actor: 'officer' },
    { verb: 'review-started', status: 'UNDER_REVIEW', from: 'SUBMITTED', notices: 1, actor: 'reviewer' },
    { verb: 'approved', status: 'APPROVED', from: 'UNDER_REVIEW', notices: 2, actor: 'reviewer' },
    { verb: 'disbursed', status: 'DISBURSED', from: 'APPROVED', notices: 2, actor: 'admin' },
  ] as const;
  for (let a = 0; events.length < count; a++) {
    const applicationId = randomUUID();
    const enterpriseId = randomUUID();
    const officer = OFFICERS[a % OFFICERS.length];
    steps.forEach((step, i) => {
      if (events.length >= count) return;
      const id = randomUUID();
      const data = {
        id: applicationId,
        programmeId: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        programmeCode: 'EXP-2026',
        programmeName: 'Export expansion 2026',
        enterpriseId,
        title: `Trade fair stand ${a}`,
        purpose: 'TRADE_FAIR',
        status: step.status,
        fromStatus: step.from,
        requestedAmount: '1500000.00',
        approvedAmount: i >= 2 ? '1200000.00' : null,
        disbursedAmount: i >= 3 ? '1200000.00' : '0.00',
        submittedBy: officer,
        actor: { id: step.actor === 'officer' ? officer : `${step.actor}-1`, role: step.actor },
        comment: i === 2 ? 'Within the fair budget.' : null,
        version: i + 2,
        occurredAt: new Date().toISOString(),
      };
      const envelope = {
        specversion: '1.0',
        id,
        source: '/westgate/support-grants',
        type: `westgate.grants.application.${step.verb}.v1`,
        subject: applicationId,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        correlationid: id,
        data,
      };
      events.push({ id, key: applicationId, value: JSON.stringify(envelope), notices: step.notices });
    });
  }
  return events;
}

async function send(producer: Producer, topic: string, events: BenchEvent[]): Promise<void> {
  for (let from = 0; from < events.length; from += 1000) {
    const messages = events.slice(from, from + 1000).map((e) => ({ key: e.key, value: e.value }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  }
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0].n;
}

/** Raw kafkajs: the same topic from the beginning, every message parsed, no database. */
async function rawConsume(kafka: Kafka, topic: string, total: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 100 });
  let joinedAt = 0;
  let consumed = 0;
  let lastAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (joinedAt = Date.now()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) JSON.parse(message.value?.toString('utf8') ?? 'null');
      consumed += batch.messages.length;
      lastAt = Date.now();
    },
  });
  await waitFor(async () => consumed >= total, 'the raw consumer', 300_000, 10);
  await consumer.disconnect();
  return total / ((lastAt - joinedAt) / 1000);
}

/**
 * The compiled service as a child process, with the heap it is deployed with
 * (k8s/base/configmap.yaml); BENCH_V8_FLAGS replaces it (e.g. "--trace-gc"), BENCH_PROFILE=1
 * writes a CPU profile in tmp/bench/profiles, BENCH_SERVICE_STDOUT=<file> keeps its output.
 */
function startService(main: string, env: Record<string, string>): ChildProcess {
  const flags = (process.env.BENCH_V8_FLAGS ?? '--max-old-space-size=192').split(' ').filter(Boolean);
  if (process.env.BENCH_PROFILE) flags.push('--cpu-prof', `--cpu-prof-dir=${join(root, 'tmp', 'bench', 'profiles')}`);
  const stdout = process.env.BENCH_SERVICE_STDOUT ? openSync(process.env.BENCH_SERVICE_STDOUT, 'w') : 'ignore';
  const child = spawn(process.execPath, [...flags, main], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`the notifications service exited (${signal ?? code})`);
  });
  return child;
}

const notifications: Benchmark = async ({ quick }) => {
  const burstEvents = quick ? 4_000 : 20_000;
  const steadySeconds = quick ? 10 : 30;
  const steadyRate = 200;
  console.log(`notifications: compiling the service…`);
  const main = compileService();

  const suffix = randomBytes(4).toString('hex');
  const namespace = `bn${suffix}`;
  const databaseUrl = withDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', `westgate_bench_notifications_${suffix}`);
  await ensureDatabaseExists(databaseUrl);
  const port = await freePort();
  const service = startService(main, {
    NODE_ENV: 'production',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_NAMESPACE: namespace,
    KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    LOG_LEVEL: 'warn',
    DELIVERY_WORKER_ENABLED: 'false',
  });
  const rss = new RssSampler(service.pid as number).start();
  const kafka = new Kafka({ clientId: 'bench-notifications', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const db = new Client({ connectionString: databaseUrl, application_name: 'bench' });
  const topic = `${namespace}.${APPLICATION_TOPIC}`;
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, 'the service to be ready', 90_000, 200);
    await producer.connect();
    await db.connect();
    rss.sample();
    const idleRssMb = Math.round(rss.peakKb / 1024);

    // 1. Burst, with 5 % of the events delivered twice.
    const burst = applicationEvents(burstEvents);
    const repeats = burst.filter((_, i) => i % 20 === 7);
    const expected = burst.reduce((sum, e) => sum + e.notices, 0);
    console.log(`burst: ${burst.length} events (+${repeats.length} repeated) → ${expected} notifications`);
    const burstStarted = Date.now();
    await send(producer, topic, [...burst, ...repeats]);
    await waitFor(async () => (await count(db, 'SELECT count(*)::int AS n FROM notification')) >= expected, 'the burst to be stored', 600_000, 20);
    const burstSeconds = (Date.now() - burstStarted) / 1000;
    // Every message, the repeats included, has been consumed and committed.
    const admin = kafka.admin();
    await admin.connect();
    const group = `${namespace}.notifications.grants.application.v1`;
    await waitFor(async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) >= burst.length + repeats.length;
    }, 'the repeats to be consumed', 120_000, 100);

    // 2. Steady rate: 10 events every 50 ms.
    const steady = applicationEvents(steadyRate * steadySeconds);
    const sentAt = new Map<string, number>();
    const steadyStarted = Date.now();
    const perTick = steadyRate / 20;
    for (let tick = 0; tick * perTick < steady.length; tick++) {
      const due = steadyStarted + tick * 50;
      if (due > Date.now()) await sleep(due - Date.now());
      const slice = steady.slice(tick * perTick, (tick + 1) * perTick);
      const now = Date.now();
      for (const e of slice) sentAt.set(e.id, now);
      await producer.send({ topic, acks: -1, messages: slice.map((e) => ({ key: e.key, value: e.value })) });
    }
    const steadyExpected = expected + steady.reduce((sum, e) => sum + e.notices, 0);
    await waitFor(async () => (await count(db, 'SELECT count(*)::int AS n FROM notification')) >= steadyExpected, 'the steady events', 120_000, 50);
    const { rows } = await db.query<{ event_id: string; at: Date }>(
      'SELECT event_id, min(created_at) AS at FROM notification WHERE event_id = ANY($1::text[]) GROUP BY event_id',
      [[...sentAt.keys()]],
    );
    const latencies = rows.map((row) => row.at.getTime() - (sentAt.get(row.event_id) as number));

    // 3. Duplicates, by query: anything beyond the expected count, and any (recipient, event) twice.
    const stored = await count(db, 'SELECT count(*)::int AS n FROM notification');
    const doubled = await count(db, 'SELECT count(*)::int AS n FROM (SELECT 1 FROM notification GROUP BY recipient, event_id HAVING count(*) > 1) d');
    rss.sample();
    const rssMb = rss.stop();

    // 5. Baseline: the same topic, raw.
    const total = burst.length + repeats.length + steady.length;
    const baselineConsumePerSec = await rawConsume(kafka, topic, total);
    await admin.disconnect();

    const notificationsPerSec = expected / burstSeconds;
    return {
      burstEvents: burst.length,
      burstNotifications: expected,
      burstSeconds: Number(burstSeconds.toFixed(2)),
      notificationsPerSec: Math.round(notificationsPerSec),
      eventsPerSec: Math.round(burst.length / burstSeconds),
      steadyEventsPerSec: steadyRate,
      p50EventToInboxMs: percentile(latencies, 50),
      p99EventToInboxMs: percentile(latencies, 99),
      maxEventToInboxMs: Math.max(...latencies),
      duplicates: stored - steadyExpected + doubled,
      rssMb,
      idleRssMb,
      baselineConsumePerSec: Math.round(baselineConsumePerSec),
      ratio: Number((burst.length / burstSeconds / baselineConsumePerSec).toFixed(3)),
    };
  } finally {
    rss.stop();
    await producer.disconnect().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
    }
    await dropDatabase(databaseUrl).catch((error: Error) => console.error(`could not drop ${databaseUrl}: ${error.message}`));
    const admin = kafka.admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`) || t.startsWith(`westgate.dlq.${namespace}.`));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.disconnect();
  }
};

export default notifications;
