import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVICES, STARTUP_FILE } from './stack';

const root = join(__dirname, '..', '..', '..', '..');

async function allReady(): Promise<boolean> {
  const answers = await Promise.all(
    Object.values(SERVICES).map((url) =>
      fetch(`${url}/health/ready`).then(
        (response) => response.ok,
        () => false,
      ),
    ),
  );
  return answers.every(Boolean);
}

/**
 * Runs the real `npm start` from cold (the build included) and waits for its "ready" line; the
 * time it reports is what a developer waits. Set E2E_USE_RUNNING_STACK=1 to test a stack that is
 * already up instead.
 */
export default async function startStack(): Promise<void> {
  mkdirSync(dirname(STARTUP_FILE), { recursive: true });
  if (process.env.E2E_USE_RUNNING_STACK === '1' && (await allReady())) {
    writeFileSync(STARTUP_FILE, JSON.stringify({ external: true }));
    return;
  }
  // Its own databases, fresh, and its own Kafka namespace: a developer's data is never touched.
  const prefix = 'westgate_e2e';
  // (A global setup gets no module aliases: plain pg here.)
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  for (const service of ['enterprise_registry', 'support_grants', 'trade_statistics', 'notifications']) {
    await admin.query(`DROP DATABASE IF EXISTS ${prefix}_${service} WITH (FORCE)`);
  }
  await admin.end();
  const began = Date.now();
  const stack = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', STACK_DATABASE_PREFIX: prefix, KAFKA_NAMESPACE: `e2e${randomBytes(3).toString('hex')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  (globalThis as { westgateStack?: typeof stack }).westgateStack = stack;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`npm start was not ready within 180 s:\n${output.slice(-4000)}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/all four services ready/.test(output)) {
        clearTimeout(deadline);
        resolve();
      }
    };
    stack.stdout.on('data', onData);
    stack.stderr.on('data', onData);
    stack.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output.slice(-4000)}`));
    });
  });
  const reported = /all four services ready in ([\d.]+) s/.exec(output)?.[1];
  writeFileSync(STARTUP_FILE, JSON.stringify({ external: false, readyInSeconds: Number(reported), wallSeconds: (Date.now() - began) / 1000 }));
  console.log(`\nnpm start: all four services ready in ${reported} s`);
}
