import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { dropDatabase, ensureDatabaseExists, withDatabase } from '@westgate/persistence';
import { pollUntil } from '@westgate/testing';

const root = join(__dirname, '..', '..', '..', '..');

export interface ServiceProcess {
  baseUrl: string;
  close(): Promise<void>;
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

/**
 * Another Westgate service as a black box: its `main.ts` run from source (tools/runtime/ts-run.sh)
 * on a free port, its own throw-away database, and the given Kafka namespace, so that it and this
 * service exchange events as in production. (Apps do not import each other.)
 */
export async function startServiceProcess(app: string, namespace: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const databaseUrl = withDatabase(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    `westgate_test_${app.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`,
  );
  await ensureDatabaseExists(databaseUrl);
  const port = await freePort();
  const child: ChildProcess = spawn('bash', [join(root, 'tools', 'runtime', 'ts-run.sh'), join(root, 'apps', app, 'src', 'main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_NAMESPACE: namespace,
      KAFKA_TOPIC_PARTITIONS: '3',
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await pollUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}`);
      return (await fetch(`${baseUrl}/health/ready`)).ok;
    },
    { description: `${app} to be ready`, timeoutMs: 90_000, intervalMs: 250 },
  );
  return {
    baseUrl,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await dropDatabase(databaseUrl);
    },
  };
}
