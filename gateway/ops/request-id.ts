/**
 * Request ids: every HTTP request gets one — the caller's `x-request-id` when it is well formed,
 * otherwise a random UUID — returned in the response header, kept for the request's whole async
 * life (AsyncLocalStorage), forwarded to every subgraph call and written on every log line.
 *
 * Dependency-free on purpose: the gateway and the subgraph servers share this module.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The header that carries the id in both directions and on every subgraph call. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What we accept from outside: 1–128 characters of letters, digits and `._:-`, starting with a
 * letter or digit (UUIDs, ULIDs, trace ids, load-balancer ids). Anything else — too long, spaces,
 * control characters, quotes — could forge or break log lines, so it is replaced.
 */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** True when `value` may be used as a request id as is. */
export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/**
 * The id of a request from its incoming header value: the value itself when well formed (a
 * repeated header counts only when it has exactly one value), else `generate()`.
 */
export function requestIdFrom(
  header: string | readonly string[] | undefined,
  generate: () => string = randomUUID,
): string {
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : undefined) : header;
  return isWellFormedRequestId(value) ? value : generate();
}

interface RequestScope {
  readonly requestId: string;
  /** The request's abort signal, made when first asked for (see requestScopeMiddleware). */
  readonly signal?: () => AbortSignal | undefined;
}

const scope = new AsyncLocalStorage<RequestScope>();
const ids = new WeakMap<Request, string>();

/** The id of the request whose work is running now, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/**
 * The abort signal of the request whose work is running now, if its scope has one: aborted when
 * the request is abandoned (gateway/hardening/limits.ts). Carried by this scope rather than an
 * AsyncLocalStorage of its own: each enabled one costs every promise of the process (~50 ns).
 */
export function currentRequestSignal(): AbortSignal | undefined {
  return scope.getStore()?.signal?.();
}

/** Run `fn` (and everything it starts asynchronously) as part of request `requestId`. */
export function runWithRequestId<T>(
  requestId: string,
  fn: () => T,
  signal?: () => AbortSignal | undefined,
): T {
  return scope.run(signal ? { requestId, signal } : { requestId }, fn);
}

/** The id `requestIdMiddleware` gave `req` (undefined before it ran). */
export function requestIdOf(req: Request): string | undefined {
  return ids.get(req);
}

/**
 * Express middleware, first in the chain: picks or makes the id, sets it on the response header
 * and opens the request's async scope.
 */
export function requestIdMiddleware(generate: () => string = randomUUID): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER], generate);
    ids.set(req, requestId);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestId(requestId, next);
  };
}

/**
 * Express middleware placed right before a handler that runs after a body parser: stream
 * callbacks do not carry the async scope, so it is opened again here for the handler, with the
 * request's abort signal when `signalOf` finds one (the gateway: `requestSignal`).
 */
export function requestScopeMiddleware(
  signalOf?: (res: Response) => AbortSignal | undefined,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = ids.get(req);
    if (requestId === undefined) return next();
    runWithRequestId(requestId, next, signalOf ? () => signalOf(res) : undefined);
  };
}
