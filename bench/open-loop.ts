/**
 * An open-loop HTTP load generator: requests are due at a fixed rate (request i at
 * start + i / rate), whether or not earlier ones have been answered, and each latency is measured
 * from the moment its request was due, so time spent waiting for a free connection counts
 * (no coordinated omission). This is what "p99 at N req/s" means.
 *
 * autocannon's `overallRate` is not that: each connection sends back to back until it has used
 * its share of the second, then waits for the next second, so the load arrives as a burst at
 * full speed at the top of every second and the latencies are those of a saturated server.
 *
 * Plain keep-alive sockets and a minimal HTTP/1.1 reader (responses with Content-Length, as the
 * servers measured here send), so that the generator costs little CPU on a machine it shares
 * with the server.
 */
import { connect, type Socket } from 'node:net';
import { percentile } from './report';

export interface OpenLoopRequest {
  path: string;
  body?: string;
}

export interface OpenLoopOptions {
  /** `http://host:port`. */
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The next request to send (its path and body). */
  next: () => OpenLoopRequest;
  /** Requests per second, offered at even intervals. */
  rate: number;
  seconds: number;
  /** Keep-alive connections; a due request waits (and its wait counts) when all are busy. */
  connections: number;
}

export interface OpenLoopResult {
  /** 2xx answers per second of the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers other than 2xx, and requests lost to a closed connection. */
  errors: number;
  /** 2xx answers. */
  succeeded: number;
}

interface Connection {
  socket: Socket;
  buffered: Buffer;
  /** When the request in flight on it was due, or undefined when it is free. */
  dueAt: number | undefined;
  closed: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

function requestBytes(method: string, host: string, headers: Record<string, string>, request: OpenLoopRequest): Buffer {
  const lines = [`${method} ${request.path} HTTP/1.1`, `host: ${host}`, 'connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (request.body !== undefined) lines.push(`content-length: ${Buffer.byteLength(request.body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${request.body ?? ''}`);
}

/** The status of the first complete response in `buffered` and the bytes after it, or undefined if incomplete. */
function takeResponse(buffered: Buffer): { status: number; rest: Buffer } | undefined {
  const headerEnd = buffered.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const head = buffered.toString('latin1', 0, headerEnd);
  const length = CONTENT_LENGTH.exec(head);
  if (!length) throw new Error(`a response without Content-Length: ${head.split('\r\n')[0]}`);
  const end = headerEnd + HEADER_END.length + Number(length[1]);
  if (buffered.length < end) return undefined;
  return { status: Number(head.slice(9, 12)), rest: buffered.subarray(end) };
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const port = Number(target.port);
  const intervalMs = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let succeeded = 0;
  const due: number[] = []; // times at which waiting requests fell due, oldest first
  const idle: Connection[] = [];
  let errors = 0;
  let issued = 0;
  let settled = 0;
  let start = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const dispatch = () => {
    while (due.length > 0 && idle.length > 0) {
      const connection = idle.pop() as Connection;
      if (connection.closed) continue;
      connection.dueAt = due.shift();
      connection.socket.write(requestBytes(options.method, target.host, options.headers ?? {}, options.next()));
    }
  };
  const settle = () => {
    settled += 1;
    if (settled === total) finish();
  };

  const open = (): Promise<Connection> =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: target.hostname, port, noDelay: true });
      const connection: Connection = { socket, buffered: Buffer.alloc(0), dueAt: undefined, closed: false };
      socket.once('connect', () => resolve(connection));
      // Before 'connect' the run cannot start; after it, 'close' follows and does the counting.
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        connection.buffered = connection.buffered.length === 0 ? chunk : Buffer.concat([connection.buffered, chunk]);
        const response = takeResponse(connection.buffered);
        if (!response || connection.dueAt === undefined) return;
        latencies.push(performance.now() - connection.dueAt);
        if (response.status >= 200 && response.status <= 299) succeeded += 1;
        else errors += 1;
        connection.buffered = response.rest;
        connection.dueAt = undefined;
        idle.push(connection);
        settle();
        dispatch();
      });
      socket.on('close', () => {
        // A request lost with its connection is an error; the run goes on with one connection less.
        connection.closed = true;
        if (connection.dueAt !== undefined) {
          errors += 1;
          connection.dueAt = undefined;
          settle();
        }
        if (connections.every((other) => other.closed)) {
          errors += total - settled;
          settled = total;
          finish();
        }
      });
    });

  const connections: Connection[] = [];
  connections.push(...(await Promise.all(Array.from({ length: options.connections }, open))));
  idle.push(...connections);
  start = performance.now();
  // Timers fire late and in clumps: each tick releases every request that has fallen due since.
  const ticker = setInterval(() => {
    const now = performance.now();
    while (issued < total && start + issued * intervalMs <= now) {
      due.push(start + issued * intervalMs);
      issued += 1;
    }
    dispatch();
    if (issued === total) clearInterval(ticker);
  }, 1);
  await finished;
  const elapsedSeconds = (performance.now() - start) / 1000;
  clearInterval(ticker);
  for (const connection of connections) connection.socket.destroy();
  const rounded = (ms: number) => Math.round(ms * 10) / 10;
  return {
    rps: succeeded / elapsedSeconds,
    p50: rounded(percentile(latencies, 50)),
    p99: rounded(percentile(latencies, 99)),
    max: rounded(latencies.reduce((max, latency) => Math.max(max, latency), 0)),
    errors,
    succeeded,
  };
}
