/**
 * `npm start`: the whole of Westgate on one machine. Starts the Kafka broker if none answers at
 * KAFKA_BROKERS, builds the services, starts all four (each creates its database and runs its
 * migrations), waits until every one is ready, and prints where they are. Ctrl-C or SIGTERM stops
 * everything it started, services first, then the broker.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '../smtp-sink/smtp-sink';
import { SERVICES } from './services';

const root = join(__dirname, '..', '..');
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
// Each service's database is `<prefix>_<service>`; the e2e suite runs on databases of its own.
const databasePrefix = process.env.STACK_DATABASE_PREFIX ?? 'westgate';
const databaseServer = process.env.STACK_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
// As in production (k8s/base/configmap.yaml): a bounded heap keeps each service's RSS small.
const serviceNodeOptions = process.env.SERVICE_NODE_OPTIONS ?? '--max-old-space-size=192';
let mailSink: SmtpSink | undefined;
const pretty = process.stdout.isTTY === true;
const children = new Map<string, ChildProcess>();
let startedKafka = false;
let stopping = false;

function say(message: string): void {
  console.log(`${pretty ? '\x1b[1m' : ''}westgate${pretty ? '\x1b[0m' : ''} ${message}`);
}

function reachable(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((resolve) => {
    const socket = createConnection({ host, port: Number(port), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function ensureKafka(): Promise<void> {
  if (await reachable(brokers.split(',')[0])) {
    say(`using the Kafka broker at ${brokers}`);
    return;
  }
  say('starting the Kafka broker (tools/kafka)…');
  execFileSync('bash', [join(root, 'tools', 'kafka', 'start.sh')], { stdio: 'inherit' });
  startedKafka = true;
}

function startService(name: string, port: number): void {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: serviceNodeOptions,
      PORT: process.env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? String(port),
      DATABASE_URL: `${databaseServer}/${databasePrefix}_${name.replace(/-/g, '_')}`,
      ...(mailSink ? { SMTP_URL: mailSink.smtpUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      children.delete(name);
      say(`${name} exited (${signal ?? code}); stopping the rest`);
      void stop(1);
    }
  });
}

async function waitReady(name: string, port: number, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready within the deadline`);
    if (!children.has(name)) throw new Error(`${name} exited before it was ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          // Ctrl-C in a terminal reaches the services too; one may be gone already.
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => (clearTimeout(killer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
  await mailSink?.close();
  if (startedKafka) execFileSync('bash', [join(root, 'tools', 'kafka', 'stop.sh')], { stdio: 'inherit' });
  say('stopped');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const began = Date.now();
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  await ensureKafka();
  // Outgoing mail is caught locally, never sent: read it on the sink's page.
  mailSink = await startSmtpSink({ port: Number(process.env.SMTP_SINK_PORT ?? 2525), httpPort: Number(process.env.SMTP_SINK_HTTP_PORT ?? 2580) });
  say('building the services…');
  execFileSync(process.execPath, [join(root, 'tools', 'build', 'build.js')], { stdio: 'inherit' });
  for (const service of SERVICES) startService(service.name, service.port);
  const deadline = Date.now() + 120_000;
  await Promise.all(SERVICES.map((service) => waitReady(service.name, service.port, deadline)));
  say(`all four services ready in ${((Date.now() - began) / 1000).toFixed(1)} s:`);
  for (const service of SERVICES) {
    say(`  ${service.name.padEnd(20)} http://127.0.0.1:${service.port}/api/v1   docs: http://127.0.0.1:${service.port}/docs`);
  }
  say(`  mail (caught, not sent) ${mailSink.httpUrl}`);
  say('try it:  npm run seed   (demo data)   ·   TOKEN=$(npm run -s token -- --role officer --sub alice)');
  say('         curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3001/api/v1/zones');
  say('Ctrl-C stops everything.');
}

main().catch((error: Error) => {
  console.error(`westgate: ${error.message}`);
  void stop(1);
});
