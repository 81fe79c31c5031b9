import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of an Express request the platform reads, without depending on Express's types. */
export interface PlatformRequest extends IncomingMessage {
  correlationId?: string;
  originalUrl?: string;
  baseUrl?: string;
  /** Set by the router once a route matched; `path` is the route pattern. */
  route?: { path?: unknown };
}

export type NextFunction = (error?: unknown) => void;

export type Middleware = (request: PlatformRequest, response: ServerResponse, next: NextFunction) => void;

export type ErrorMiddleware = (
  error: unknown,
  request: PlatformRequest,
  response: ServerResponse,
  next: NextFunction,
) => void;
