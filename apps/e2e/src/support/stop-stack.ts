import type { ChildProcess } from 'node:child_process';

/** Ctrl-C for the stack the setup started: it must stop everything cleanly, and soon. */
export default async function stopStack(): Promise<void> {
  const stack = (globalThis as { westgateStack?: ChildProcess }).westgateStack;
  if (!stack || stack.exitCode !== null || stack.signalCode !== null) return;
  let deadline: NodeJS.Timeout | undefined;
  const stopped = await new Promise<boolean>((resolve) => {
    stack.once('exit', () => resolve(true));
    deadline = setTimeout(() => resolve(false), 60_000);
    // The whole process group, as a terminal's Ctrl-C: npm, the runner and the services.
    process.kill(-(stack.pid as number), 'SIGINT');
  });
  clearTimeout(deadline);
  if (!stopped) {
    process.kill(-(stack.pid as number), 'SIGKILL');
    throw new Error('npm start did not stop within 60 s of Ctrl-C');
  }
}
