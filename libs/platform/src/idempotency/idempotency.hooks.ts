import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { verifyToken } from '@westgate/auth';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { hasBody, headerValue, type PlatformReply, type PlatformRequest } from '../http/platform-request';
import { ProblemException } from '../errors/problem.exception';
import { IDEMPOTENCY_HEADER, isAcceptableKey, REPLAYED_HEADERS, requestFingerprint, streamedRequestFingerprint } from './idempotency.rules';

interface StoredRequest {
  request_hash: string;
  response_status: number | null;
  /** The body exactly as it was sent, null for none. */
  response_body: string | null;
  response_headers: Record<string, string> | null;
}

// A request still "in progress" after this long died with its process; a retry may take over.
const ABANDONED_AFTER_MS = 60_000;
// How long a repeat waits for the first request with its key to answer, then 409 IN_FLIGHT.
const IN_FLIGHT_WAIT_MS = 10_000;
// Stands for a streamed body's fingerprint until the body has been read.
const STREAM_PENDING = 'streamed body, not read yet';

/**
 * `Idempotency-Key` on every POST (API.md): the first successful response is remembered per
 * caller and key; the same key with the same request replays it (same status, same body), with
 * a different request → 422 IDEMPOTENCY_KEY_REUSED. A repeat that arrives while the first is
 * still running waits for its response (up to 10 s, then 409 IDEMPOTENCY_KEY_IN_FLIGHT).
 * Failures are not remembered, so a client may retry them (a submit refused while the
 * registry's event is still on its way succeeds later with the same key).
 *
 * A body that is streamed to its handler rather than parsed (a CSV upload) is fingerprinted as the
 * handler reads it; a repeated key reads the new body through before replaying or refusing. Such
 * handlers answer once they have read their whole body, so a repeat while the first is still
 * running is refused at once (409) rather than holding the client's upload while it waits.
 *
 * Fastify hooks rather than Nest middleware, which runs before the body is parsed: `preHandler`
 * claims the key or replays (before the guards, which answer 401 to a caller it ignores), and
 * `onSend`, through which every response leaves, handlers' and the problem filter's alike,
 * remembers the answer before it is sent.
 *
 * The record is written beside, not inside, the use-case's transaction: a crash between the
 * use-case's commit and the record leaves the key re-executable. Use-cases that must never
 * repeat still guard themselves (state machine, unique constraints).
 */
@Injectable()
export class IdempotencyHooks implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ServiceConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preHandler', (request: PlatformRequest, reply: PlatformReply) => this.claimOrReplay(request, reply));
    fastify.addHook('onSend', async (request: PlatformRequest, reply: PlatformReply, payload: unknown) => {
      const pending = PENDING.get(request);
      if (pending !== undefined) {
        PENDING.delete(request);
        await this.remember(reply, payload, pending);
      }
      return payload;
    });
  }

  private async claimOrReplay(request: PlatformRequest, reply: PlatformReply): Promise<PlatformReply | undefined> {
    const key = headerValue(request, IDEMPOTENCY_HEADER);
    // A body the parser refused is answered after the guards (registerBodyParsing); nothing to remember.
    if (request.method !== 'POST' || key === undefined || request.bodyProblem !== undefined) return undefined;
    if (!isAcceptableKey(key)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 printable ASCII characters');
    }
    const caller = this.callerOf(request);
    // Unauthenticated: the guard answers 401, and nothing is remembered.
    if (caller === undefined) return undefined;
    if (isStreamed(request)) return this.claimStreamed(request, reply, caller, key);

    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const waitUntil = Date.now() + IN_FLIGHT_WAIT_MS;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
      if (await this.claim(caller, key, fingerprint)) break;
      const stored = await this.find(caller, key);
      if (stored !== undefined) {
        if (stored.request_hash !== fingerprint) throw keyReused();
        if (stored.response_status !== null) return replay(reply, stored);
      }
      // Still running: wait for its response rather than refuse a client's hasty retry. (Gone:
      // the first failed and was forgotten, so this one may run instead; claim again at once.)
      if (Date.now() >= waitUntil) throw keyInFlight();
      if (stored !== undefined) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    PENDING.set(request, { caller, key, fingerprint: () => fingerprint });
    return undefined;
  }

  private async claimStreamed(request: PlatformRequest, reply: PlatformReply, caller: string, key: string): Promise<PlatformReply | undefined> {
    const fingerprint = streamedRequestFingerprint(request.method, request.url);
    const stored = await this.find(caller, key);
    if (stored !== undefined && stored.response_status !== null) {
      // Answered before: whether this is the same request shows only once its body is read.
      for await (const chunk of request.raw as AsyncIterable<Buffer>) fingerprint.add(chunk);
      if (stored.request_hash !== fingerprint.digest()) throw keyReused();
      return replay(reply, stored);
    }
    if (!(await this.claim(caller, key, STREAM_PENDING))) throw keyInFlight();
    // Every chunk the handler reads passes here too ('data' is emitted by read() as well); paused
    // at once, so that listening does not start the flow before the handler reads.
    request.raw.on('data', (chunk: Buffer) => fingerprint.add(chunk));
    request.raw.pause();
    PENDING.set(request, { caller, key, fingerprint: () => fingerprint.digest() });
    return undefined;
  }

  private callerOf(request: PlatformRequest): string | undefined {
    const header = headerValue(request, 'authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) return undefined;
    try {
      return verifyToken(token, this.config.AUTH_JWT_SECRET).id;
    } catch {
      return undefined;
    }
  }

  /** True when this request is the first with the key (or takes over an abandoned one). */
  private async claim(caller: string, key: string, fingerprint: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (caller, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (caller, key) DO UPDATE SET created_at = now()
         WHERE idempotency_keys.response_status IS NULL
           AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - ($4::int * interval '1 millisecond')
       RETURNING key`,
      [caller, key, fingerprint, ABANDONED_AFTER_MS],
    );
    return rows.length === 1;
  }

  private async find(caller: string, key: string): Promise<StoredRequest | undefined> {
    const rows: StoredRequest[] = await this.dataSource.query(
      'SELECT request_hash, response_status, response_body, response_headers FROM idempotency_keys WHERE caller = $1 AND key = $2',
      [caller, key],
    );
    return rows[0];
  }

  /** Keeps a 2xx response before it is sent (so that a quick retry finds it) and forgets a failed one. */
  private async remember(reply: PlatformReply, payload: unknown, { caller, key, fingerprint }: PendingKey): Promise<void> {
    const status = reply.statusCode;
    if (status >= 200 && status < 300) {
      await this.dataSource.query(
        `UPDATE idempotency_keys SET response_status = $3, response_body = $4, response_headers = $5::jsonb,
                request_hash = $6, completed_at = now()
          WHERE caller = $1 AND key = $2`,
        [caller, key, status, bodyText(payload), JSON.stringify(replayedHeaders(reply)), fingerprint()],
      );
    } else {
      await this.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2', [caller, key]);
    }
  }
}

/** A key this request claimed, to be completed with its response. */
interface PendingKey {
  caller: string;
  key: string;
  fingerprint: () => string;
}

const PENDING = new WeakMap<PlatformRequest, PendingKey>();

function replay(reply: PlatformReply, stored: StoredRequest): PlatformReply {
  for (const [name, value] of Object.entries(stored.response_headers ?? {})) void reply.header(name, value);
  void reply.header('idempotent-replayed', 'true').status(stored.response_status as number);
  return reply.send(stored.response_body ?? undefined);
}

/** A body left for the handler to read as a stream (no body parser took it). */
function isStreamed(request: PlatformRequest): boolean {
  return request.body === undefined && hasBody(request);
}

function keyReused(): ProblemException {
  return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request');
}

function keyInFlight(): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'IDEMPOTENCY_KEY_IN_FLIGHT', 'a request with this Idempotency-Key is still being processed');
}

function replayedHeaders(reply: PlatformReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/** The response body as sent (onSend sees it serialised), null for none. */
function bodyText(body: unknown): string | null {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return JSON.stringify(body);
}
