import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import { verifyToken } from '@westgate/auth';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { bodyProblemOf } from '../errors/body-parser-errors';
import { ProblemException } from '../errors/problem.exception';
import { IDEMPOTENCY_HEADER, isAcceptableKey, REPLAYED_HEADERS, requestFingerprint, streamedRequestFingerprint } from './idempotency.rules';

interface StoredRequest {
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
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
 * The record is written beside, not inside, the use-case's transaction: a crash between the
 * use-case's commit and the record leaves the key re-executable. Use-cases that must never
 * repeat still guard themselves (state machine, unique constraints).
 */
@Injectable()
export class IdempotencyMiddleware implements NestMiddleware {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ServiceConfig,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = req.header(IDEMPOTENCY_HEADER);
    // A body the parser refused is answered after the guards (bodyParserErrorMiddleware); nothing to remember.
    if (req.method !== 'POST' || key === undefined || bodyProblemOf(req) !== undefined) return next();
    if (!isAcceptableKey(key)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 printable ASCII characters');
    }
    const caller = this.callerOf(req);
    // Unauthenticated: the guard answers 401, and nothing is remembered.
    if (caller === undefined) return next();
    if (isStreamed(req)) return this.useStreamed(req, res, next, caller, key);

    const fingerprint = requestFingerprint(req.method, req.originalUrl, req.body);
    const waitUntil = Date.now() + IN_FLIGHT_WAIT_MS;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
      if (await this.claim(caller, key, fingerprint)) break;
      const stored = await this.find(caller, key);
      if (stored !== undefined) {
        if (stored.request_hash !== fingerprint) throw keyReused();
        if (stored.response_status !== null) return this.replay(res, stored);
      }
      // Still running: wait for its response rather than refuse a client's hasty retry. (Gone:
      // the first failed and was forgotten, so this one may run instead; claim again at once.)
      if (Date.now() >= waitUntil) throw keyInFlight();
      if (stored !== undefined) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    this.rememberResponse(res, caller, key, () => fingerprint);
    next();
  }

  private async useStreamed(req: Request, res: Response, next: NextFunction, caller: string, key: string): Promise<void> {
    const fingerprint = streamedRequestFingerprint(req.method, req.originalUrl);
    const stored = await this.find(caller, key);
    if (stored !== undefined && stored.response_status !== null) {
      // Answered before: whether this is the same request shows only once its body is read.
      for await (const chunk of req as AsyncIterable<Buffer>) fingerprint.add(chunk);
      if (stored.request_hash !== fingerprint.digest()) throw keyReused();
      return this.replay(res, stored);
    }
    if (!(await this.claim(caller, key, STREAM_PENDING))) throw keyInFlight();
    // Every chunk the handler reads passes here too ('data' is emitted by read() as well); paused
    // at once, so that listening does not start the flow before the handler reads.
    req.on('data', (chunk: Buffer) => fingerprint.add(chunk));
    req.pause();
    this.rememberResponse(res, caller, key, () => fingerprint.digest());
    next();
  }

  private callerOf(req: Request): string | undefined {
    const header = req.header('authorization');
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

  private replay(res: Response, stored: StoredRequest): void {
    for (const [name, value] of Object.entries(stored.response_headers ?? {})) res.setHeader(name, value);
    res.setHeader('idempotent-replayed', 'true');
    res.status(stored.response_status as number);
    if (stored.response_body === null || stored.response_body === undefined) res.end();
    else res.send(JSON.stringify(stored.response_body));
  }

  /**
   * Keeps a 2xx response before it is sent (so that a quick retry finds it) and forgets a failed
   * one. Hooks `end`, through which every response leaves: handlers' and the problem filter's.
   */
  private rememberResponse(res: Response, caller: string, key: string, fingerprint: () => string): void {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const status = res.statusCode;
      const body = typeof args[0] === 'function' ? undefined : args[0];
      const persisted =
        status >= 200 && status < 300
          ? this.dataSource.query(
              `UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb, response_headers = $5::jsonb,
                      request_hash = $6, completed_at = now()
                WHERE caller = $1 AND key = $2`,
              [caller, key, status, toJsonText(body), JSON.stringify(replayedHeaders(res)), fingerprint()],
            )
          : this.dataSource.query('DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2', [caller, key]);
      persisted.then(
        () => end(...args),
        () => end(...args),
      );
      return res;
    }) as Response['end'];
  }
}

/** A body left for the handler to read as a stream (no body parser took it). */
function isStreamed(req: Request): boolean {
  return req.body === undefined && (Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined);
}

function keyReused(): ProblemException {
  return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request');
}

function keyInFlight(): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'IDEMPOTENCY_KEY_IN_FLIGHT', 'a request with this Idempotency-Key is still being processed');
}

function replayedHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

function toJsonText(body: unknown): string | null {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string') {
    try {
      JSON.parse(body);
      return body;
    } catch {
      return JSON.stringify(body);
    }
  }
  if (Buffer.isBuffer(body)) return toJsonText(body.toString('utf8'));
  return JSON.stringify(body);
}
