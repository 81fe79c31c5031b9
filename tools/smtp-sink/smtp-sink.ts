/**
 * A local SMTP server that accepts every message and keeps it: for development (`npm start`) and
 * tests. Each message is written as an .eml file in `dir` and listed on a small HTTP page, with
 * JSON for scripts. It relays nothing.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { parseMail } from './mime';

export interface SmtpSinkOptions {
  /** SMTP port; 0 picks a free one. Default 2525. */
  port?: number;
  /** Interface for both servers. Default 127.0.0.1. */
  host?: string;
  /** Where .eml files go (created if missing). Default `.local/mail` under the working directory. */
  dir?: string;
  /** Port of the HTTP page; 0 picks a free one; false: no page. Default 2580. */
  httpPort?: number | false;
  /** Larger messages are refused. Default 10 MB. */
  maxMessageBytes?: number;
  /** Messages kept in the listing (oldest dropped; the files stay). Default 1000. */
  keep?: number;
}

export interface CaughtMail {
  id: string;
  /** The .eml file. */
  file: string;
  receivedAt: string;
  /** SMTP envelope: MAIL FROM and RCPT TO. */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  subject: string;
  messageId?: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  size: number;
}

export interface SmtpSink {
  smtpPort: number;
  /** `smtp://host:port`, for SMTP_URL. */
  smtpUrl: string;
  httpPort?: number;
  /** The page listing caught mail (also `/messages` as JSON). */
  httpUrl?: string;
  dir: string;
  /** Caught messages, oldest first. */
  messages(): CaughtMail[];
  /** The first message (already caught or still to come) that matches. */
  waitFor(predicate: (mail: CaughtMail) => boolean, options?: { timeoutMs?: number }): Promise<CaughtMail>;
  /** Forgets every message and deletes its file. */
  clear(): void;
  close(): Promise<void>;
}

function addressOf(address: SMTPServerAddress | false): string | null {
  return address ? address.address : null;
}

function toCaught(id: string, file: string, raw: Buffer, receivedAt: string, envelope: CaughtMail['envelope']): CaughtMail {
  const parsed = parseMail(raw);
  const headers: Record<string, string> = {};
  for (const [name, values] of parsed.headers) headers[name] = values.join(', ');
  return {
    id,
    file,
    receivedAt,
    envelope,
    from: parsed.from,
    to: parsed.to,
    subject: parsed.subject,
    messageId: parsed.messageId,
    text: parsed.text,
    html: parsed.html,
    headers,
    size: raw.length,
  };
}

/** Messages already in `dir` (from an earlier run), oldest first. */
function loadExisting(dir: string, keep: number): CaughtMail[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .slice(-keep);
  return files.map((name) => {
    const file = join(dir, name);
    const raw = readFileSync(file);
    const [stamp, id] = name.replace(/\.eml$/, '').split('_');
    const receivedAt = stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})/, '$1:$2:$3');
    return toCaught(id ?? name, file, raw, receivedAt, { from: null, to: [] });
  });
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

function listPage(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(mail.receivedAt)}</td><td>${escapeHtml(mail.to)}</td>` +
        `<td><a href="/messages/${mail.id}/view">${escapeHtml(mail.subject || '(no subject)')}</a></td>` +
        `<td><a href="/messages/${mail.id}.eml">.eml</a></td></tr>`,
    )
    .join('\n');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Westgate mail sink</title>' +
    '<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 12px;text-align:left;border-bottom:1px solid #ddd}</style></head>' +
    `<body><h1>Caught mail (${mails.length})</h1><p>JSON: <a href="/messages">/messages</a>. Nothing here is sent on.</p>` +
    `<table><tr><th>received</th><th>to</th><th>subject</th><th></th></tr>\n${rows}\n</table></body></html>`
  );
}

function messagePage(mail: CaughtMail): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title>` +
    '<style>body{font-family:sans-serif;margin:2em}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style></head><body>' +
    `<p><a href="/">← all mail</a></p><h2>${escapeHtml(mail.subject)}</h2>` +
    `<p>From: ${escapeHtml(mail.from)}<br>To: ${escapeHtml(mail.to)}<br>Received: ${escapeHtml(mail.receivedAt)}<br>Message-ID: ${escapeHtml(mail.messageId ?? '')}</p>` +
    `<h3>Text</h3><pre>${escapeHtml(mail.text ?? '(none)')}</pre>` +
    (mail.html ? `<h3>HTML</h3><iframe sandbox src="/messages/${mail.id}/html" style="width:100%;height:480px;border:1px solid #ccc"></iframe>` : '') +
    `<p><a href="/messages/${mail.id}.eml">raw .eml</a></p></body></html>`
  );
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  response.end(body);
}

function startHttp(sink: () => CaughtMail[], clear: () => void, host: string, port: number): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://sink').pathname;
    const mails = sink();
    const byId = (id: string): CaughtMail | undefined => mails.find((mail) => mail.id === id);
    let match: RegExpExecArray | null;
    if (request.method === 'DELETE' && path === '/messages') {
      clear();
      return send(response, 204, 'text/plain', '');
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed\n');
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', listPage(mails));
    if (path === '/messages') {
      // `?full=1`: with text, HTML and headers (what tests read); otherwise a summary per message.
      const full = new URL(request.url ?? '/', 'http://sink').searchParams.get('full') === '1';
      const listed = full
        ? mails
        : mails.map(({ id, receivedAt, envelope, from, to, subject, messageId, size }) => ({ id, receivedAt, envelope, from, to, subject, messageId, size }));
      return send(response, 200, 'application/json', JSON.stringify(listed, null, 2));
    }
    if ((match = /^\/messages\/([\w-]+)\.eml$/.exec(path))) {
      const mail = byId(match[1]);
      return mail ? send(response, 200, 'message/rfc822', readFileSync(mail.file)) : send(response, 404, 'text/plain', 'no such message\n');
    }
    if ((match = /^\/messages\/([\w-]+)\/view$/.exec(path))) {
      const mail = byId(match[1]);
      return mail ? send(response, 200, 'text/html; charset=utf-8', messagePage(mail)) : send(response, 404, 'text/plain', 'no such message\n');
    }
    if ((match = /^\/messages\/([\w-]+)\/html$/.exec(path))) {
      const mail = byId(match[1]);
      // The message's own HTML, sandboxed: no scripts, no same-origin access.
      return mail?.html
        ? send(response, 200, 'text/html; charset=utf-8', mail.html, { 'content-security-policy': 'sandbox' })
        : send(response, 404, 'text/plain', 'no HTML part\n');
    }
    if ((match = /^\/messages\/([\w-]+)$/.exec(path))) {
      const mail = byId(match[1]);
      return mail ? send(response, 200, 'application/json', JSON.stringify(mail, null, 2)) : send(response, 404, 'text/plain', 'no such message\n');
    }
    return send(response, 404, 'text/plain', 'not found\n');
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const dir = resolve(options.dir ?? join('.local', 'mail'));
  const keep = options.keep ?? 1000;
  mkdirSync(dir, { recursive: true });
  const mails: CaughtMail[] = loadExisting(dir, keep);
  const events = new EventEmitter();
  events.setMaxListeners(0);

  const smtp = new SMTPServer({
    banner: 'Westgate SMTP sink: mail is kept, never relayed',
    authOptional: true,
    allowInsecureAuth: true,
    // No certificate here, so no STARTTLS; AUTH is accepted with any credentials.
    disabledCommands: ['STARTTLS'],
    size: options.maxMessageBytes ?? 10 * 1024 * 1024,
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          const error = Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 });
          callback(error);
          return;
        }
        try {
          const raw = Buffer.concat(chunks);
          const receivedAt = new Date().toISOString();
          const id = randomBytes(6).toString('hex');
          const file = join(dir, `${receivedAt.replace(/:/g, '-')}_${id}.eml`);
          writeFileSync(file, raw);
          const envelope = { from: addressOf(session.envelope.mailFrom), to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
          const mail = toCaught(id, file, raw, receivedAt, envelope);
          mails.push(mail);
          if (mails.length > keep) mails.splice(0, mails.length - keep);
          events.emit('mail', mail);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolvePromise, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.port ?? 2525, host, () => resolvePromise());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const clear = (): void => {
    for (const mail of mails.splice(0)) rmSync(mail.file, { force: true });
  };
  const http = options.httpPort === false ? undefined : await startHttp(() => mails, clear, host, options.httpPort ?? 2580);
  const httpPort = http ? (http.address() as AddressInfo).port : undefined;

  return {
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpPort,
    httpUrl: httpPort === undefined ? undefined : `http://${host}:${httpPort}/`,
    dir,
    messages: () => [...mails],
    waitFor: (predicate, { timeoutMs = 15_000 } = {}) =>
      new Promise<CaughtMail>((resolvePromise, reject) => {
        const found = mails.find(predicate);
        if (found) return resolvePromise(found);
        const timer = setTimeout(() => {
          events.off('mail', onMail);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${mails.length} caught)`));
        }, timeoutMs);
        function onMail(mail: CaughtMail): void {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          events.off('mail', onMail);
          resolvePromise(mail);
        }
        events.on('mail', onMail);
      }),
    clear,
    close: async () => {
      await new Promise<void>((resolvePromise) => smtp.close(() => resolvePromise()));
      if (http) {
        http.closeAllConnections();
        await new Promise<void>((resolvePromise) => http.close(() => resolvePromise()));
      }
    },
  };
}
