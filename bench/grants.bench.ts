/**
 * support-grants under a crowd of officers and reviewers: each virtual user drives
 * create → submit → start-review → approve as fast as it can, against a few programmes (one of
 * them small enough to run out: budget contention and BUDGET_EXHAUSTED are part of the load),
 * while registry events keep arriving for the projection. The service runs as its own process
 * (from source, transpile-only) on its own database and Kafka namespace.
 *
 * Baseline, same run, same machine: a bare `pg` client doing the equivalent row updates of one
 * workflow (insert, three locked transitions with their timeline rows and outbox rows, the
 * conditional budget update) with the same concurrency — no HTTP, no framework, no validation.
 *
 * Figures: workflowsPerSec, approveP99Ms, budgetViolations (by query at the end),
 * projectionLagP99Ms (registry event produced → row in the projection, under that load),
 * baselinePerSec, and a few more for the reader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { signToken } from '@westgate/auth';
import { TOPICS } from '@westgate/contracts';
import { generateUscc } from '@westgate/domain';
import { createKafka, createOrderedProducer, ensureTopics, type MessagingLogger } from '@westgate/messaging';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';
import { Pool, type PoolClient } from 'pg';
import { percentile, type Benchmark } from './report';

const root = join(__dirname, '..');
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const logger: MessagingLogger = { log: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };
const SECRET = randomBytes(32).toString('hex');
const CYCLE = new Date().getUTCFullYear();

interface Settings {
  warmupMs: number;
  durationMs: number;
  baselineMs: number;
  users: number;
  enterprises: number;
  /** Registry events per second during the run, for the projection lag. */
  lagEventsPerSec: number;
  /** Turns taken by the service and the baseline. */
  rounds: number;
}

const FULL: Settings = { warmupMs: 5_000, durationMs: 60_000, baselineMs: 30_000, users: 32, enterprises: 400, lagEventsPerSec: 25, rounds: 6 };
const QUICK: Settings = { warmupMs: 3_000, durationMs: 20_000, baselineMs: 10_000, users: 32, enterprises: 200, lagEventsPerSec: 25, rounds: 2 };

/** BENCH_USERS overrides the number of virtual users (concurrency), for exploring. */
function settingsFor(quick: boolean): Settings {
  const settings = quick ? QUICK : FULL;
  const users = Number(process.env.BENCH_USERS);
  return Number.isInteger(users) && users > 0 ? { ...settings, users } : settings;
}

// ---------------------------------------------------------------------------------------------
// A lean keep-alive JSON client: the load generator must cost far less than what it measures.

// One agent per slice of load (see drive): a socket left idle across a pause could be closed by
// the server's keep-alive timeout just as it is reused.
let agent = new Agent({ keepAlive: true, maxSockets: 256 });

function call(port: number, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/v1${path}`,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// ---------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function startGrants(port: number, databaseUrl: string, namespace: string): ChildProcess {
  // As tools/runtime/ts-run.sh does it (transpile only); BENCH_NODE_ARGS adds e.g. --cpu-prof.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', 'ts-node/register', '-r', join(root, 'tools', 'runtime', 'register-aliases.js'), join(root, 'apps', 'support-grants', 'src', 'main.ts')],
    {
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(root, 'tsconfig.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '16',
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '6',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`support-grants exited with ${code}`);
  });
  return child;
}

function enterpriseEvent(id: string, version: number): { key: string; value: string } {
  const now = new Date().toISOString();
  return {
    key: id,
    value: JSON.stringify({
      specversion: '1.0',
      id: randomUUID(),
      source: '/westgate/enterprise-registry',
      type: version === 1 ? 'westgate.registry.enterprise.registered.v1' : 'westgate.registry.enterprise.updated.v1',
      subject: id,
      time: now,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: {
        id,
        uscc: generateUscc(Math.random),
        name: `Bench enterprise ${id.slice(0, 8)}`,
        region: '650100',
        zoneCode: null,
        sectors: ['AGRICULTURAL', 'MECHANICAL_ELECTRICAL'],
        contactEmail: `bench-${id.slice(0, 8)}@example.com`,
        status: 'ACTIVE',
        designations: [{ cycle: CYCLE, tier: 'BACKBONE', designatedAt: now }],
        version,
        updatedAt: now,
      },
    }),
  };
}

interface Load {
  completed: number;
  approved: number;
  exhausted: number;
  failures: Map<string, number>;
  approveMs: number[];
  stepMs: number[];
}

/** Virtual users driving whole workflows until `stopAt`. */
async function drive(port: number, users: number, stopAt: number, enterprises: string[], programmes: string[], small: string): Promise<Load> {
  const load: Load = { completed: 0, approved: 0, exhausted: 0, failures: new Map(), approveMs: [], stepMs: [] };
  const fail = (step: string, status: number) => load.failures.set(`${step} ${status}`, (load.failures.get(`${step} ${status}`) ?? 0) + 1);
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 256 });
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const officer = signToken({ sub: `bench-officer-${u}`, name: `Officer ${u}`, roles: ['officer'] }, SECRET, { expiresIn: '2h' });
      const reviewer = signToken({ sub: `bench-reviewer-${u}`, name: `Reviewer ${u}`, roles: ['reviewer'] }, SECRET, { expiresIn: '2h' });
      let n = 0;
      while (Date.now() < stopAt) {
        n++;
        try {
          await workflow(n);
        } catch (error) {
          // A broken connection is an answer too: count it, and keep the crowd going.
          fail('transport', 0);
          if (load.failures.get('transport 0') === 1) console.warn(`transport error: ${(error as Error).message}`);
          await sleep(50);
        }
      }

      async function workflow(n: number): Promise<void> {
        // One workflow in ten competes for the small programme, which runs out early.
        const programmeId = n % 10 === 0 ? small : programmes[(u + n) % programmes.length];
        const enterpriseId = enterprises[(u * 7919 + n) % enterprises.length];
        let t = Date.now();
        const created = await call(port, 'POST', '/applications', officer, {
          programmeId,
          enterpriseId,
          purpose: 'EXPORT_EXPANSION',
          requestedAmount: '1000.00',
          title: `Bench application ${u}-${n}`,
          description: 'Market entry costs for new buyers in Almaty and Tashkent.',
          targetMarkets: ['KZ', 'UZ'],
        });
        load.stepMs.push(Date.now() - t);
        if (created.status !== 201) {
          fail('create', created.status);
          return;
        }
        const id = created.body.id as string;
        t = Date.now();
        const submitted = await call(port, 'POST', `/applications/${id}/submit`, officer, {});
        load.stepMs.push(Date.now() - t);
        if (submitted.status !== 200) {
          fail('submit', submitted.status);
          return;
        }
        t = Date.now();
        const reviewing = await call(port, 'POST', `/applications/${id}/start-review`, reviewer, {});
        load.stepMs.push(Date.now() - t);
        if (reviewing.status !== 200) {
          fail('start-review', reviewing.status);
          return;
        }
        t = Date.now();
        const decided = await call(port, 'POST', `/applications/${id}/approve`, reviewer, { approvedAmount: '1000.00', comment: 'Bench approval' });
        load.approveMs.push(Date.now() - t);
        if (decided.status === 200) load.approved++;
        else if (decided.status === 409 && decided.body.code === 'BUDGET_EXHAUSTED') load.exhausted++;
        else {
          fail('approve', decided.status);
          return;
        }
        load.completed++;
      }
    }),
  );
  return load;
}

const VIOLATIONS_SQL = `
  SELECT count(*)::int AS n FROM programmes p
   WHERE p.budget_reserved > p.budget_total
      OR p.budget_disbursed > p.budget_reserved
      OR p.budget_reserved <> (SELECT coalesce(sum(a.reserved_amount), 0) FROM applications a WHERE a.programme_id = p.id)
      OR p.budget_reserved <> (SELECT coalesce(sum(a.approved_amount), 0) FROM applications a
                                WHERE a.programme_id = p.id AND a.status IN ('APPROVED', 'PARTIALLY_DISBURSED', 'DISBURSED', 'CLOSED'))`;

// ---------------------------------------------------------------------------------------------
// Baseline: the same rows, written by hand with node-postgres.

async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function outboxRow(client: PoolClient, topic: string, key: string, type: string, data: object): Promise<void> {
  const id = randomUUID();
  await client.query('INSERT INTO outbox (id, topic, message_key, event_type, payload) VALUES ($1, $2, $3, $4, $5)', [
    id,
    topic,
    key,
    type,
    JSON.stringify({ specversion: '1.0', id, type, subject: key, data }),
  ]);
}

/** Workflows completed by bare `pg` in `durationMs`. */
async function baseline(pool: Pool, users: number, durationMs: number, enterprises: string[], programmeId: string): Promise<number> {
  let completed = 0;
  const stopAt = Date.now() + durationMs;
  const transition = async (client: PoolClient, id: string, from: string, to: string, actor: string, role: string, verb: string) => {
    const [row] = (await client.query('SELECT status, version FROM applications WHERE id = $1 FOR UPDATE', [id])).rows as Array<{ status: string; version: number }>;
    if (row.status !== from) throw new Error(`baseline: ${id} is ${row.status}`);
    await client.query('UPDATE applications SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, to]);
    await client.query('INSERT INTO application_timeline (application_id, at, actor, role, from_status, to_status) VALUES ($1, now(), $2, $3, $4, $5)', [
      id,
      actor,
      role,
      from,
      to,
    ]);
    await outboxRow(client, TOPICS.grantsApplication, id, `westgate.grants.application.${verb}.v1`, { id, status: to });
  };
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      let n = 0;
      while (Date.now() < stopAt) {
        n++;
        const id = randomUUID();
        const enterpriseId = enterprises[(u * 7919 + n) % enterprises.length];
        await transaction(pool, async (client) => {
          await client.query(
            `INSERT INTO applications (id, programme_id, enterprise_id, purpose, requested_amount, title, description, target_markets, status, submitted_by, version, created_at, updated_at)
             VALUES ($1, $2, $3, 'EXPORT_EXPANSION', 1000.00, 'Baseline', 'Baseline workflow', '{KZ,UZ}', 'DRAFT', $4, 1, now(), now())`,
            [id, programmeId, enterpriseId, `base-officer-${u}`],
          );
          await client.query(
            "INSERT INTO application_timeline (application_id, at, actor, role, to_status) VALUES ($1, now(), $2, 'officer', 'DRAFT')",
            [id, `base-officer-${u}`],
          );
        });
        await transaction(pool, async (client) => {
          // Eligibility reads what the service reads: the projection, the programme, the other live amount.
          await client.query('SELECT status, designations FROM enterprise_projection WHERE id = $1', [enterpriseId]);
          await client.query('SELECT 1 FROM programmes WHERE id = $1', [programmeId]);
          await client.query(
            "SELECT coalesce(sum(coalesce(approved_amount, requested_amount)), 0) FROM applications WHERE programme_id = $1 AND enterprise_id = $2 AND id <> $3 AND status <> 'DRAFT'",
            [programmeId, enterpriseId, id],
          );
          await transition(client, id, 'DRAFT', 'SUBMITTED', `base-officer-${u}`, 'officer', 'submitted');
        });
        await transaction(pool, (client) => transition(client, id, 'SUBMITTED', 'UNDER_REVIEW', `base-reviewer-${u}`, 'reviewer', 'review-started'));
        await transaction(pool, async (client) => {
          await transition(client, id, 'UNDER_REVIEW', 'APPROVED', `base-reviewer-${u}`, 'reviewer', 'approved');
          await client.query('UPDATE applications SET approved_amount = 1000.00, reserved_amount = 1000.00 WHERE id = $1', [id]);
          const reserved = await client.query(
            'UPDATE programmes SET budget_reserved = budget_reserved + 1000.00, version = version + 1 WHERE id = $1 AND budget_total - budget_reserved >= 1000.00 RETURNING id',
            [programmeId],
          );
          if (reserved.rowCount !== 1) throw new Error('baseline budget exhausted');
          await outboxRow(client, TOPICS.grantsProgramme, programmeId, 'westgate.grants.programme.budget-changed.v1', { id: programmeId });
        });
        completed++;
      }
    }),
  );
  return completed;
}

// ---------------------------------------------------------------------------------------------

const grants: Benchmark = async ({ quick }) => {
  const settings = settingsFor(quick);
  const suffix = randomBytes(3).toString('hex');
  const namespace = `bench-grants-${suffix}`;
  const databaseUrl = withDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', `westgate_bench_grants_${suffix}`);
  await ensureDatabaseExists(databaseUrl);
  const port = await freePort();
  console.log(`grants: ${settings.users} users for ${settings.durationMs / 1000}s on port ${port}, namespace ${namespace}`);

  const child = startGrants(port, databaseUrl, namespace);
  const pool = new Pool({ connectionString: databaseUrl, max: settings.users });
  // pool.end() resolves before its sockets close; the database drop (WITH FORCE) may then end a
  // straggler, whose error the pool re-emits: expected here, not a crash.
  pool.on('error', () => undefined);
  const kafka = createKafka('bench-grants', brokers, logger);
  const producer = createOrderedProducer(kafka);
  try {
    await until(
      'support-grants to be ready',
      async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
          return res.status === 200;
        } catch {
          return false;
        }
      },
      120_000,
    );

    // Enterprises the workflows use, through the registry topic like the real ones.
    const registryTopic = `${namespace}.${TOPICS.registryEnterprise}`;
    await ensureTopics(kafka, [registryTopic], { numPartitions: 6, replicationFactor: 1 });
    await producer.connect();
    const enterprises = Array.from({ length: settings.enterprises }, () => randomUUID());
    await producer.send({ topic: registryTopic, acks: -1, messages: enterprises.map((id) => enterpriseEvent(id, 1)) });
    await until('the projection to know every enterprise', async () => {
      const [{ n }] = (await pool.query('SELECT count(*)::int AS n FROM enterprise_projection')).rows as Array<{ n: number }>;
      return n >= enterprises.length;
    });

    const admin = signToken({ sub: 'bench-admin', roles: ['admin'] }, SECRET, { expiresIn: '2h' });
    const programme = async (code: string, budget: string) => {
      const res = await call(port, 'POST', '/programmes', admin, {
        code,
        name: `Bench ${code}`,
        cycle: CYCLE,
        budget,
        eligibleTiers: ['BACKBONE', 'POTENTIAL'],
        purposes: ['EXPORT_EXPANSION'],
        maxGrantPerEnterprise: '100000000.00',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      if (res.status !== 201) throw new Error(`programme: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const programmes = await Promise.all([1, 2, 3, 4].map((i) => programme(`BENCH-${suffix}-${i}`, '100000000.00')));
    const small = await programme(`BENCH-${suffix}-SMALL`, '50000.00');

    console.log('grants: warming up…');
    await drive(port, settings.users, Date.now() + settings.warmupMs, enterprises, programmes, small);

    // Registry events arriving while the service is under load: new enterprises and updates of known ones.
    const lagSent = new Map<string, number>();
    let lagging = false;
    let version = 2;
    const produceWhileLoaded = async () => {
      while (lagging) {
        try {
          await produceOne();
        } catch (error) {
          console.warn(`registry event not produced: ${(error as Error).message}`);
          await sleep(100);
        }
      }
    };
    const produceOne = async () => {
      const fresh = randomUUID();
      const updated = enterprises[version % enterprises.length];
      const sentAt = Date.now();
      await producer.send({ topic: registryTopic, acks: -1, messages: [enterpriseEvent(fresh, 1), enterpriseEvent(updated, version)] });
      lagSent.set(fresh, sentAt);
      version++;
      await sleep(Math.max(0, 2000 / settings.lagEventsPerSec - (Date.now() - sentAt)));
    };

    // The service and the baseline take turns, so that other tenants of this shared machine weigh
    // on both alike; the figures sum over the turns.
    const load: Load = { completed: 0, approved: 0, exhausted: 0, failures: new Map(), approveMs: [], stepMs: [] };
    let seconds = 0;
    let serviceCpu = 0;
    let baselineWorkflows = 0;
    let baselineSeconds = 0;
    for (let round = 1; round <= settings.rounds; round++) {
      console.log(`grants: round ${round}/${settings.rounds}: service…`);
      lagging = true;
      const lagProducer = produceWhileLoaded();
      const started = Date.now();
      const cpuBefore = cpuMs(child.pid);
      const slice = await drive(port, settings.users, started + settings.durationMs / settings.rounds, enterprises, programmes, small);
      seconds += (Date.now() - started) / 1000;
      serviceCpu += cpuMs(child.pid) - cpuBefore;
      lagging = false;
      await lagProducer;
      load.completed += slice.completed;
      load.approved += slice.approved;
      load.exhausted += slice.exhausted;
      load.approveMs.push(...slice.approveMs);
      load.stepMs.push(...slice.stepMs);
      slice.failures.forEach((n, key) => load.failures.set(key, (load.failures.get(key) ?? 0) + n));

      console.log(`grants: round ${round}/${settings.rounds}: baseline (bare pg, same rows, same concurrency)…`);
      const baselineStarted = Date.now();
      baselineWorkflows += await baseline(pool, settings.users, settings.baselineMs / settings.rounds, enterprises, programmes[0]);
      baselineSeconds += (Date.now() - baselineStarted) / 1000;
    }
    const baselinePerSec = baselineWorkflows / baselineSeconds;

    const lagIds = [...lagSent.keys()];
    await until('the projection to catch up', async () => {
      const [{ n }] = (await pool.query('SELECT count(*)::int AS n FROM enterprise_projection WHERE id = ANY($1)', [lagIds])).rows as Array<{ n: number }>;
      return n === lagIds.length;
    });
    const projected = (await pool.query('SELECT id, (extract(epoch FROM projected_at) * 1000)::float8 AS at FROM enterprise_projection WHERE id = ANY($1)', [lagIds]))
      .rows as Array<{ id: string; at: number }>;
    const lags = projected.map((row) => row.at - (lagSent.get(row.id) ?? row.at));

    const [{ n: budgetViolations }] = (await pool.query(VIOLATIONS_SQL)).rows as Array<{ n: number }>;
    const [{ n: smallReserved }] = (await pool.query('SELECT budget_reserved::text AS n FROM programmes WHERE id = $1', [small])).rows as Array<{ n: string }>;

    const workflowsPerSec = load.completed / seconds;
    if (load.failures.size > 0) console.warn(`unexpected answers: ${JSON.stringify(Object.fromEntries(load.failures))}`);
    console.log(`grants: ${load.completed} workflows (${load.approved} approved, ${load.exhausted} BUDGET_EXHAUSTED; small programme reserved ${smallReserved} of 50000.00)`);
    return {
      workflowsPerSec: Math.round(workflowsPerSec),
      approveP99Ms: percentile(load.approveMs, 99),
      budgetViolations,
      projectionLagP99Ms: Math.round(percentile(lags, 99)),
      baselinePerSec: Math.round(baselinePerSec),
      ratio: workflowsPerSec / baselinePerSec,
      approveP50Ms: percentile(load.approveMs, 50),
      stepP99Ms: percentile(load.stepMs, 99),
      serviceCpuMsPerWorkflow: load.completed ? serviceCpu / load.completed : 0,
      projectionLagP50Ms: Math.round(percentile(lags, 50)),
      projectionEvents: lags.length,
      workflows: load.completed,
      budgetExhausted: load.exhausted,
      unexpectedAnswers: [...load.failures.values()].reduce((a, b) => a + b, 0),
      users: settings.users,
    };
  } finally {
    await producer.disconnect().catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await pool.end();
    agent.destroy();
    await dropDatabase(databaseUrl);
  }
};

export default grants;
