import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '@westgate/testing';

const root = join(__dirname, '..', '..', '..', '..');

/** A message as the sink's `GET /messages?full=1` lists it. */
export interface CaughtMail {
  id: string;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  subject: string;
  messageId?: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
}

export interface MailSink {
  smtpUrl: string;
  httpUrl: string;
  messages(): Promise<CaughtMail[]>;
  waitFor(predicate: (mail: CaughtMail) => boolean, description?: string): Promise<CaughtMail>;
  close(): Promise<void>;
}

/**
 * The development SMTP sink (tools/smtp-sink) as a process on free ports, read through its HTTP
 * JSON listing: the same interface a developer uses with `npm start`.
 */
export async function startMailSink(): Promise<MailSink> {
  const dir = mkdtempSync(join(tmpdir(), 'westgate-mail-'));
  const child: ChildProcess = spawn(
    'bash',
    [join(root, 'tools', 'runtime', 'ts-run.sh'), join(root, 'tools', 'smtp-sink', 'main.ts'), '--port', '0', '--http-port', '0', '--dir', dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = await new Promise<{ smtpUrl: string; httpUrl: string }>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the mail sink did not start: ${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the mail sink exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /SMTP on (smtp:\/\/\S+) .*listed at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ smtpUrl: match[1], httpUrl: match[2] });
      }
    });
  });
  const messages = async (): Promise<CaughtMail[]> => {
    const response = await fetch(`${started.httpUrl}messages?full=1`);
    return (await response.json()) as CaughtMail[];
  };
  return {
    ...started,
    messages,
    waitFor: (predicate, description = 'a matching e-mail') =>
      pollUntil(async () => (await messages()).find(predicate), { description, timeoutMs: 20_000, intervalMs: 100 }),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
