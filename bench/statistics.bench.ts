/**
 * `npm run bench -- statistics [--quick]`: trade-statistics' ingestion and queries, each next to a
 * baseline measured in the same run (BENCH.md).
 *
 * 1. ingestion: a generated CSV of N declarations (deterministic seed) streamed to
 *    `POST /declarations/import` → Kafka → the ingest consumer → declarations and roll-ups
 *    committed (the import reports COMPLETED), in declarations/s; next to the raw baseline on the
 *    same rows: a bare kafkajs consumer of the same topic that COPYs them into an unindexed table.
 * 2. memory: a big CSV (1 GB by default) through the same path, the service's peak RSS.
 * 3. query: `GET /stats/summary` grouped by category, partner country and tier over every month,
 *    after both imports (~10 million declarations by default), p95; next to the same questions as
 *    plain GROUP BYs over the declaration table.
 *
 * The service runs as its own process, compiled with tsc (no ts-node in its memory), on a fresh
 * database and Kafka namespace. Sizes (environment, full run / --quick):
 *   STATS_BENCH_ROWS          rows of the ingestion run           1,000,000 / 100,000
 *   STATS_BENCH_BIG_CSV_MB    size of the memory run's CSV        1024 / 32
 *   STATS_BENCH_ENTERPRISES   enterprises the rows belong to      2,000
 *   STATS_BENCH_QUERIES       summary requests per grouping       200 / 50
 *   STATS_BENCH_NAIVE_RUNS    plain GROUP BY runs per grouping    5 / 3
 *   STATS_BENCH_KEEP=1        keep the database and topics afterwards
 *   STATS_BENCH_SERVICE_NODE_ARGS  node flags of the service       see SERVICE_NODE_ARGS (as deployed)
 *   MALLOC_MMAP_THRESHOLD_    the service's glibc setting         65536 (as deployed)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEV_JWT_SECRET, signToken } from '@westgate/auth';
import { EnterpriseRegistered, TOPICS } from '@westgate/contracts';
import { generateUscc } from '@westgate/domain';
import { createKafka, createOrderedProducer } from '@westgate/messaging';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';
import type { Kafka } from 'kafkajs';
import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { percentile, type BenchOptions, type Figures } from './report';

const root = join(__dirname, '..');
const work = join(root, 'tmp', 'bench-statistics');
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
/**
 * The service's recommended runtime settings (apps/trade-statistics/README.md, "Memory"): the V8
 * heap capped so that GC runs before RSS balloons, and large native buffers given back to the
 * system when freed instead of fragmenting the malloc heap.
 */
const SERVICE_NODE_ARGS = '--max-old-space-size=160 --max-semi-space-size=8';
const SERVICE_MALLOC_MMAP_THRESHOLD = '65536';
const HEADER = 'declarationId,uscc,flow,hsCode,partnerCountry,period,valueUsd,quantity,unit,netWeightKg,customsPort,tradeMode\n';

function env(name: string, full: number, quick: number, isQuick: boolean): number {
  const value = process.env[name];
  return value ? Number(value) : isQuick ? quick : full;
}

function log(message: string): void {
  console.log(`[statistics] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

/** mulberry32: the same rows for the same seed, on any machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an enterprise trades: a few products one way, with a few partners — as customs data looks. */
const PRODUCTS: Array<{ hs: string; flow: 'EXPORT' | 'IMPORT'; unit: string; weight: number }> = [
  { hs: '0808100000', flow: 'EXPORT', unit: 'KG', weight: 6 }, // apples
  { hs: '0806100000', flow: 'EXPORT', unit: 'KG', weight: 4 }, // grapes
  { hs: '0702000000', flow: 'EXPORT', unit: 'KG', weight: 4 }, // tomatoes
  { hs: '2002100000', flow: 'EXPORT', unit: 'KG', weight: 3 }, // tomato paste
  { hs: '5201000000', flow: 'EXPORT', unit: 'KG', weight: 3 }, // cotton
  { hs: '6204620000', flow: 'EXPORT', unit: 'PCS', weight: 5 }, // trousers
  { hs: '6402990000', flow: 'EXPORT', unit: 'PCS', weight: 4 }, // footwear
  { hs: '2523290000', flow: 'EXPORT', unit: 'KG', weight: 3 }, // cement
  { hs: '6907210000', flow: 'EXPORT', unit: 'M2', weight: 3 }, // tiles
  { hs: '7308900000', flow: 'EXPORT', unit: 'KG', weight: 3 }, // steel structures
  { hs: '8471300000', flow: 'EXPORT', unit: 'PCS', weight: 4 }, // laptops
  { hs: '8517620000', flow: 'EXPORT', unit: 'PCS', weight: 4 }, // network equipment
  { hs: '8703231000', flow: 'EXPORT', unit: 'PCS', weight: 3 }, // cars
  { hs: '8429520000', flow: 'EXPORT', unit: 'PCS', weight: 3 }, // excavators
  { hs: '8541430000', flow: 'EXPORT', unit: 'PCS', weight: 2 }, // solar modules
  { hs: '2709000000', flow: 'IMPORT', unit: 'KG', weight: 3 }, // crude oil
  { hs: '2601111000', flow: 'IMPORT', unit: 'KG', weight: 3 }, // iron ore
  { hs: '2711210000', flow: 'IMPORT', unit: 'KG', weight: 2 }, // natural gas
  { hs: '8479820000', flow: 'IMPORT', unit: 'PCS', weight: 2 }, // machinery
  { hs: '2804619000', flow: 'IMPORT', unit: 'KG', weight: 1 }, // silicon
];
const PARTNERS: Array<[string, number]> = [
  ['KZ', 20], ['KG', 9], ['UZ', 8], ['TJ', 5], ['RU', 12], ['MN', 3], ['PK', 4], ['AF', 1], ['IN', 2],
  ['TM', 2], ['TR', 3], ['AE', 3], ['IR', 2], ['DE', 3], ['PL', 1], ['BY', 1], ['AZ', 1], ['GE', 1],
];
const PORTS = ['KHORGOS', 'ALASHANKOU', 'BAKETU', 'TORUGART', 'IRKESHTAM', 'KHUNJERAB', 'URUMQI-AIRPORT'];
const PERIODS = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function weighted<T>(items: Array<[T, number]>, random: () => number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
}

interface Profile {
  uscc: string;
  trades: Array<{ product: (typeof PRODUCTS)[number]; partner: string; port: string; scale: number }>;
}

function profiles(count: number): Profile[] {
  const random = seeded(20_260_301);
  return Array.from({ length: count }, () => {
    const uscc = generateUscc(random);
    const products = Array.from({ length: 1 + Math.floor(random() * 3) }, () => weighted(PRODUCTS.map((p) => [p, p.weight] as [typeof p, number]), random));
    const partners = Array.from({ length: 1 + Math.floor(random() * 3) }, () => weighted(PARTNERS, random));
    const scale = 500 + random() * random() * 200_000;
    return {
      uscc,
      trades: products.flatMap((product) =>
        partners.map((partner) => ({ product, partner, port: PORTS[Math.floor(random() * PORTS.length)], scale: scale * (0.5 + random()) })),
      ),
    };
  });
}

/** Generated CSV text, chunk by chunk: rows [start, start+count) of run `run`, deterministic. */
function* csvChunks(enterprises: Profile[], run: string, start: number, count: number, seed: number): Generator<string> {
  const random = seeded(seed);
  yield HEADER;
  let chunk = '';
  for (let i = start; i < start + count; i += 1) {
    const enterprise = enterprises[Math.floor(random() * enterprises.length)];
    const trade = enterprise.trades[Math.floor(random() * enterprise.trades.length)];
    const periodIndex = Math.floor((i * PERIODS.length) / (start + count)) % PERIODS.length;
    const period = PERIODS[Math.min(PERIODS.length - 1, Math.max(0, Math.floor(random() * 3) - 1 + periodIndex))];
    const month = Number(period.slice(5));
    const season = trade.product.hs.startsWith('0') || trade.product.hs.startsWith('07') ? 0.4 + 1.2 * Math.max(0, Math.sin(((month - 3) / 12) * Math.PI * 2)) : 1;
    const value = Math.max(1, trade.scale * season * (0.6 + random() * 0.8));
    const quantity = Math.floor(value / 3);
    chunk += `${run}${String(i).padStart(11, '0')},${enterprise.uscc},${trade.product.flow},${trade.product.hs},${trade.partner},${period},${value.toFixed(2)},${quantity},${trade.product.unit},${quantity},${trade.port},GENERAL_TRADE\n`;
    if (chunk.length >= 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Writes a generated CSV to tmp/ once (deterministic, so a file of the same name is reused): the
 * upload then streams it from disk, and generating rows does not compete for CPU with the service
 * while it is being measured.
 */
function csvFile(name: string, chunks: Iterable<string>): string {
  const path = join(work, `${name}.csv`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  for (const chunk of chunks) writeSync(fd, chunk);
  closeSync(fd);
  renameSync(partial, path);
  return path;
}

/** Streams a file as the body of `POST /declarations/import` (plain node:http: no copies on the way). */
function uploadCsv(base: string, token: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/api/v1/declarations/import`);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': statSync(path).size } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), request).catch(reject);
  });
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

/** The service compiled by tsc into tmp/ (incremental), with the alias shims of tools/build/build.js. */
function buildService(): string {
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: '../..', outDir: './dist', types: ['node'], incremental: true, tsBuildInfoFile: './tsbuildinfo', noEmitOnError: false },
      // The worker is loaded by path, not imported: list it, or tsc would not emit it.
      files: ['../../apps/trade-statistics/src/main.ts', '../../apps/trade-statistics/src/imports/csv-import.worker.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')], { stdio: 'pipe' });
  } catch (error) {
    // Type errors elsewhere in a tree being worked on still leave JavaScript behind; say so and go on.
    log(`tsc reported errors (the JavaScript was emitted anyway): ${String((error as { stdout?: Buffer }).stdout ?? '').slice(0, 500)}`);
  }
  for (const lib of ['auth', 'contracts', 'domain', 'messaging', 'persistence', 'platform']) {
    const shim = join(work, 'dist', 'node_modules', '@westgate', lib);
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, 'index.js'), `module.exports = require('../../../libs/${lib}/src/index.js');\n`);
  }
  return join(work, 'dist', 'apps', 'trade-statistics', 'src', 'main.js');
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The Kafka broker's process (tools/kafka runs it as kafka.Kafka), if it runs on this machine. */
function kafkaPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** The PostgreSQL backends serving a database (the service's pools). */
async function backendPids(db: Client, database: string): Promise<number[]> {
  const { rows } = await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return (rows as Array<{ pid: number }>).map((r) => r.pid);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

async function waitFor(description: string, probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export default async function statistics({ quick }: BenchOptions): Promise<Figures> {
  const ingestRows = env('STATS_BENCH_ROWS', 1_000_000, 100_000, quick);
  const bigCsvMb = env('STATS_BENCH_BIG_CSV_MB', 1024, 32, quick);
  const enterpriseCount = env('STATS_BENCH_ENTERPRISES', 2_000, 2_000, quick);
  const queries = env('STATS_BENCH_QUERIES', 200, 50, quick);
  const naiveRuns = env('STATS_BENCH_NAIVE_RUNS', 5, 3, quick);
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = withDatabase(POSTGRES, `westgate_bench_statistics_${suffix}`);
  const rawUrl = withDatabase(POSTGRES, `westgate_bench_raw_${suffix}`);
  const namespace = `bench-${suffix}`;
  const token = signToken({ sub: 'bench', roles: ['admin', 'analyst'] }, DEV_JWT_SECRET, { expiresIn: '4h' });
  const enterprises = profiles(enterpriseCount);

  log(`building the service (tsc, incremental)…`);
  const main = buildService();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = openSync(join(work, 'service.log'), 'w');
  // As deployed: the V8 heap capped (apps/trade-statistics/README.md, "Memory"). Override to
  // measure otherwise, e.g. "" for Node's defaults or "--cpu-prof --cpu-prof-dir=tmp/…" to profile.
  const nodeArgs = (process.env.STATS_BENCH_SERVICE_NODE_ARGS ?? SERVICE_NODE_ARGS).split(' ').filter((arg) => arg.length > 0);
  const service: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: process.env.KAFKA_TOPIC_PARTITIONS ?? '6',
      LOG_LEVEL: 'warn',
      PERIOD_AUTO_CLOSE_CHECK_SECONDS: '0',
      MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? SERVICE_MALLOC_MMAP_THRESHOLD,
    },
    stdio: ['ignore', logFile, logFile],
  });
  const kafka: Kafka = createKafka('bench-statistics', BROKERS, { log: () => undefined, warn: () => undefined, error: () => undefined });
  const figures: Figures = {};
  try {
    await waitFor('the service to be ready', async () => (await fetch(`${base}/health/ready`)).status === 200, 120_000, 250);
    log(`service ready on :${port} (pid ${service.pid}, ${rssMb(service.pid as number).toFixed(0)} MB, node ${nodeArgs.join(' ') || '(defaults)'}, MALLOC_MMAP_THRESHOLD_=${process.env.MALLOC_MMAP_THRESHOLD_ ?? SERVICE_MALLOC_MMAP_THRESHOLD})`);

    // The registry's designations: 100 backbone and 100 potential enterprises in each year.
    const producer = createOrderedProducer(kafka);
    await producer.connect();
    await producer.send({
      topic: `${namespace}.${TOPICS.registryEnterprise}`,
      messages: enterprises.slice(0, 200).map((e, i) => {
        const id = randomUUID();
        const tier = i < 100 ? 'BACKBONE' : 'POTENTIAL';
        const data = {
          id,
          uscc: e.uscc,
          name: `Bench enterprise ${i}`,
          nameLocal: null,
          region: '650100',
          zoneCode: i % 3 === 0 ? 'KHORGOS-ICBC' : null,
          sectors: ['AGRICULTURAL'],
          contactEmail: 'bench@example.com',
          status: 'ACTIVE',
          designations: [2024, 2025].map((cycle) => ({ cycle, tier, designatedAt: `${cycle}-01-10T00:00:00.000Z` })),
          version: 1,
          updatedAt: new Date().toISOString(),
        };
        const event = { specversion: '1.0', id: randomUUID(), source: '/bench', type: EnterpriseRegistered.type, subject: id, time: new Date().toISOString(), datacontenttype: 'application/json', correlationid: randomUUID(), data };
        return { key: id, value: JSON.stringify(event) };
      }),
    });
    await producer.disconnect();

    const importCsv = async (path: string, expected: number, sample?: () => void) => {
      let sampler: NodeJS.Timeout | undefined;
      if (sample) sampler = setInterval(sample, 100);
      try {
        const started = Date.now();
        const response = await uploadCsv(base, token, path);
        if (response.status !== 202) throw new Error(`import answered ${response.status}: ${response.body}`);
        const body = JSON.parse(response.body) as { importId: string };
        const uploadedMs = Date.now() - started;
        let last = { status: '', ingested: 0, accepted: 0 };
        await waitFor(
          'the import to be ingested',
          async () => {
            last = (await (await fetch(`${base}/api/v1/imports/${body.importId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof last;
            return last.status === 'COMPLETED';
          },
          3_600_000,
          100,
        );
        if (last.accepted !== expected) throw new Error(`import accepted ${last.accepted} of ${expected} rows`);
        return { seconds: (Date.now() - started) / 1000, uploadedSeconds: uploadedMs / 1000 };
      } finally {
        if (sampler) clearInterval(sampler);
      }
    };

    // 1. Ingestion, end to end.
    log(`ingestion: ${ingestRows.toLocaleString()} rows, CSV → Kafka → roll-ups…`);
    const ingestCsv = csvFile(`ingest-${ingestRows}-${enterpriseCount}`, csvChunks(enterprises, 'I', 0, ingestRows, 1));
    const ingest = await importCsv(ingestCsv, ingestRows);
    figures.ingestPerSec = Math.round(ingestRows / ingest.seconds);
    log(`  ${figures.ingestPerSec.toLocaleString()} declarations/s (${ingest.seconds.toFixed(1)} s; upload done after ${ingest.uploadedSeconds.toFixed(1)} s)`);

    // 1b. The raw baseline on the same messages: bare consumer + COPY into an unindexed table.
    log('baseline: raw kafkajs consume + COPY into an unindexed table…');
    await ensureDatabaseExists(rawUrl);
    const rawPool = new Pool({ connectionString: rawUrl, max: 3 });
    await rawPool.query(
      'CREATE TABLE raw_declaration (declaration_id text, uscc text, flow text, hs_code text, partner_country text, period text, value_usd numeric(18, 2))',
    );
    let copied = 0;
    const baselineStarted = Date.now();
    const consumer = kafka.consumer({ groupId: `${namespace}.baseline`, maxBytesPerPartition: 8 * 1024 * 1024, maxWaitTimeInMs: 250 });
    await consumer.connect();
    await consumer.subscribe({ topics: [`${namespace}.${TOPICS.tradeDeclaration}`], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        const lines: string[] = [];
        for (const message of batch.messages) {
          const event = JSON.parse(String(message.value)) as { data: { declarations: Array<Record<string, string>> } };
          for (const d of event.data.declarations) {
            lines.push(`${d.declarationId}\t${d.uscc}\t${d.flow}\t${d.hsCode}\t${d.partnerCountry}\t${d.period}\t${d.valueUsd}\n`);
          }
        }
        const client = await rawPool.connect();
        try {
          await new Promise<void>((resolve, reject) => {
            const stream = client.query(copyFrom('COPY raw_declaration FROM STDIN'));
            stream.on('error', reject);
            stream.on('finish', resolve);
            stream.end(lines.join(''));
          });
        } finally {
          client.release();
        }
        copied += lines.length;
      },
    });
    await waitFor('the baseline to copy every row', async () => copied >= ingestRows, 600_000, 20);
    const baselineSeconds = (Date.now() - baselineStarted) / 1000;
    await consumer.disconnect();
    await rawPool.end();
    figures.baselineIngestPerSec = Math.round(ingestRows / baselineSeconds);
    figures.ratio = Number((figures.ingestPerSec / figures.baselineIngestPerSec).toFixed(3));
    log(`  ${figures.baselineIngestPerSec.toLocaleString()} rows/s (${baselineSeconds.toFixed(1)} s, includes joining the group); ratio ${figures.ratio}`);

    // 2. Memory: a big CSV, the service's peak RSS while it is read and ingested.
    const bigRows = Math.floor((bigCsvMb * 1024 * 1024) / 112);
    const bigCsv = csvFile(`big-${bigRows}-${enterpriseCount}`, csvChunks(enterprises, 'B', 0, bigRows, 2));
    log(`memory: a ${(statSync(bigCsv).size / 1048576).toFixed(0)} MB CSV (${bigRows.toLocaleString()} rows)…`);
    let peakRss = rssMb(service.pid as number);
    const watcher = new Client({ connectionString: POSTGRES });
    await watcher.connect();
    const databaseName = new URL(databaseUrl).pathname.slice(1);
    const broker = kafkaPid();
    const cpuBefore = {
      service: cpuSeconds(service.pid as number),
      backends: new Map((await backendPids(watcher, databaseName)).map((pid) => [pid, cpuSeconds(pid)])),
      kafka: broker ? cpuSeconds(broker) : 0,
      bench: process.cpuUsage(),
    };
    const big = await importCsv(bigCsv, bigRows, () => {
      peakRss = Math.max(peakRss, rssMb(service.pid as number));
    });
    // Where the CPU went (CPU time is less disturbed than wall time on a shared machine).
    const backendCpu = (await backendPids(watcher, databaseName)).reduce((sum, pid) => sum + cpuSeconds(pid) - (cpuBefore.backends.get(pid) ?? 0), 0);
    await watcher.end();
    figures.serviceCpuUsPerRow = Number((((cpuSeconds(service.pid as number) - cpuBefore.service) * 1e6) / bigRows).toFixed(1));
    figures.postgresCpuUsPerRow = Number(((backendCpu * 1e6) / bigRows).toFixed(1));
    // The broker is shared with whatever else runs on this machine: an upper bound.
    if (broker) figures.kafkaCpuUsPerRow = Number((((cpuSeconds(broker) - cpuBefore.kafka) * 1e6) / bigRows).toFixed(1));
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    figures.benchClientCpuUsPerRow = Number(((benchCpu.user + benchCpu.system) / bigRows).toFixed(1));
    figures.importRssMb = Math.round(peakRss);
    figures.bigImportRows = bigRows;
    figures.bigImportPerSec = Math.round(bigRows / big.seconds);
    log(`  peak RSS ${figures.importRssMb} MB; ${figures.bigImportPerSec.toLocaleString()} declarations/s over ${big.seconds.toFixed(0)} s; CPU per row: service ${figures.serviceCpuUsPerRow} µs, PostgreSQL ${figures.postgresCpuUsPerRow} µs, Kafka ${figures.kafkaCpuUsPerRow ?? '?'} µs, this client ${figures.benchClientCpuUsPerRow} µs`);

    // 3. Queries over everything ingested.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const [{ n }] = (await db.query('SELECT count(*)::bigint AS n FROM declaration')).rows as Array<{ n: string }>;
    figures.queryDeclarations = Number(n);
    await db.query('VACUUM ANALYZE');
    log(`query: summary over ${Number(n).toLocaleString()} declarations, ${queries} requests per grouping…`);
    const groupings = ['category', 'partnerCountry', 'tier'];
    const latencies: number[] = [];
    for (const groupBy of groupings) {
      const own: number[] = [];
      for (let i = 0; i < queries + 5; i += 1) {
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/stats/summary?from=2025-01&to=2025-12&groupBy=${groupBy}`, { headers: { authorization: `Bearer ${token}` } });
        await response.json();
        if (response.status !== 200) throw new Error(`summary answered ${response.status}`);
        if (i >= 5) own.push(performance.now() - started); // the first few warm the caches
      }
      latencies.push(...own);
      figures[`summary_${groupBy}_p95Ms`] = Number(percentile(own, 95).toFixed(2));
    }
    figures.summaryP95Ms = Number(percentile(latencies, 95).toFixed(2));

    // The same three questions, as a plain GROUP BY over the declaration table (this year and the base year).
    const naive: Record<string, string> = {
      category: `SELECT c.name, sum(d.value_usd) FILTER (WHERE d.period >= 202501), count(*) FILTER (WHERE d.period >= 202501), sum(d.value_usd) FILTER (WHERE d.period <= 202412)
                 FROM declaration d JOIN (SELECT (1 << i)::smallint AS bit, i::text AS name FROM generate_series(0, 9) i) c ON (d.category_mask & c.bit) <> 0
                 WHERE d.period BETWEEN 202401 AND 202512 GROUP BY 1`,
      partnerCountry: `SELECT partner_country, sum(value_usd) FILTER (WHERE period >= 202501), count(*) FILTER (WHERE period >= 202501), sum(value_usd) FILTER (WHERE period <= 202412)
                       FROM declaration WHERE period BETWEEN 202401 AND 202512 GROUP BY 1`,
      tier: `SELECT coalesce(t.tier, 'NONE'), sum(d.value_usd) FILTER (WHERE d.period >= 202501), count(*) FILTER (WHERE d.period >= 202501), sum(d.value_usd) FILTER (WHERE d.period <= 202412)
             FROM declaration d LEFT JOIN enterprise_tier t ON t.uscc = d.uscc AND t.cycle = d.period / 100
             WHERE d.period BETWEEN 202401 AND 202512 GROUP BY 1`,
    };
    const naiveLatencies: number[] = [];
    for (const groupBy of groupings) {
      for (let i = 0; i < naiveRuns; i += 1) {
        const started = performance.now();
        await db.query(naive[groupBy]);
        naiveLatencies.push(performance.now() - started);
      }
    }
    await db.end();
    figures.naiveSummaryP95Ms = Number(percentile(naiveLatencies, 95).toFixed(1));
    figures.querySpeedup = Number((figures.naiveSummaryP95Ms / figures.summaryP95Ms).toFixed(1));
    log(`  p95 ${figures.summaryP95Ms} ms; plain GROUP BY p95 ${figures.naiveSummaryP95Ms} ms (${figures.querySpeedup}×)`);
    figures.ingestRows = ingestRows;
    figures.enterprises = enterpriseCount;
    return figures;
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => (service.exitCode !== null ? resolve(undefined) : service.once('exit', resolve)));
    if (process.env.STATS_BENCH_KEEP !== '1') {
      await dropDatabase(databaseUrl).catch(() => undefined);
      await dropDatabase(rawUrl).catch(() => undefined);
      const admin = kafka.admin();
      await admin.connect();
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`) || topic.includes(`.${namespace}.`));
      if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
      await admin.disconnect();
    }
  }
}

