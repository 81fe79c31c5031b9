import type { ChildProcess } from 'node:child_process';

/** Ctrl-C for the stack the setup started: it must stop everything cleanly, and soon. */
export default async function stopStack(): Promise<void> {
  const stack = (globalThis as { westgateStack?: ChildProcess }).westgateStack;
  if (!stack || stack.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => stack.once('exit', (code) => resolve(code)));
  // The whole process group: npm, the runner and the services it started.
  process.kill(-(stack.pid as number), 'SIGINT');
  const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000))]);
  if (code === 'timeout') {
    process.kill(-(stack.pid as number), 'SIGKILL');
    throw new Error('npm start did not stop within 60 s of Ctrl-C');
  }
}
