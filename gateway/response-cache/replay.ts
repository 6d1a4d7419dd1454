import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getOperationAST, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { operationFacts, sha256Hex } from '../hardening';
import type { AuditRecord } from '../hardening';
import type { Principal } from '../../security/principal';
import { visibilityKey } from '../../security/visibility';

/**
 * Answer replay (应答重放): the bytes of answers Apollo marked cacheable, served again without
 * parsing or serializing them. The whole-answer cache (Apollo's response-cache plugin) keeps an
 * answer as data: every hit parses it and serializes it again, which on a dashboard of a hundred
 * counties is most of the request's time. This middleware sits in front of Apollo, after every
 * guard (authentication, rate limits, body and persisted-operation checks): it keeps the exact
 * HTTP body of a 200 answer whose `Cache-Control` Apollo set to `max-age=N` (only when every
 * subgraph answer was cacheable and there was no error), for N seconds, keyed by the caller's
 * visibility (security/visibility.ts) and the request body. The same caller sending the same body
 * gets the same bytes, with an `Age` header (and `x-answer-replay: hit`), an audit line and its
 * metrics, as a cache hit of Apollo would. Open periods, partial answers, refusals and errors are never kept, because Apollo
 * never marks them cacheable. In-process only: replicas share answers through the response cache.
 */

/** One kept answer. */
interface Entry {
  readonly body: Buffer;
  readonly cacheControl: string;
  readonly storedAt: number;
  /** What the audit line of a replay says of the operation (computed once, when kept). */
  readonly audit: Pick<
    AuditRecord,
    'operationName' | 'operationType' | 'documentHash' | 'rootFields' | 'scopes' | 'patientAdjacentFields'
  >;
}

export interface AnswerReplayOptions {
  /** Bytes of answers kept (default 64 MB). */
  readonly maxBytes?: number;
  /** The verified caller of a request (set by the authentication middleware). */
  readonly principalOf: (req: Request) => Principal;
  /** Receives the audit record of every replayed operation. */
  readonly audit?: (record: AuditRecord) => void;
  /** Counts a replayed operation (its name, seconds). */
  readonly observe?: (operationName: string | null, seconds: number) => void;
}

export interface AnswerReplay {
  readonly middleware: RequestHandler;
  /** Answers kept now (for tests and metrics). */
  size(): number;
}

/** Says an answer was replayed (like a CDN's X-Cache). */
export const REPLAY_HEADER = 'x-answer-replay';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Larger answers are not kept (they would crowd out the rest). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** `max-age` of a Cache-Control value, or 0. */
function maxAgeOf(value: string | number | string[] | undefined): number {
  const m = /(?:^|,)\s*max-age=(\d+)/.exec(String(value ?? ''));
  return m ? Number(m[1]) : 0;
}

interface GraphQLBody {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/** The audit facts of a request body (null when it is not a single query document). */
function auditFactsOf(body: GraphQLBody): Entry['audit'] | null {
  if (typeof body.query !== 'string') return null;
  try {
    const document = parse(body.query);
    const name = typeof body.operationName === 'string' ? body.operationName : null;
    const operation = getOperationAST(document, name);
    if (!operation || operation.operation !== 'query') return null;
    const variables =
      body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
    return {
      operationName: name ?? operation.name?.value ?? null,
      operationType: 'query',
      documentHash: sha256Hex(body.query),
      ...operationFacts(document, operation, variables),
    };
  } catch {
    return null;
  }
}

export function answerReplay(options: AnswerReplayOptions): AnswerReplay {
  const cache = new LRUCache<string, Entry>({
    maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
    sizeCalculation: (e) => e.body.length + 1024,
  });

  const keyOf = (req: Request): string | null => {
    if (req.method !== 'POST' || !req.body || typeof req.body !== 'object' || Array.isArray(req.body))
      return null;
    const body = req.body as GraphQLBody;
    if (typeof body.query !== 'string') return null;
    const text = JSON.stringify([body.query, body.operationName ?? null, body.variables ?? null]);
    return createHash('sha256')
      .update(`${visibilityKey(options.principalOf(req))}\n${text}`)
      .digest('hex');
  };

  const replay = (req: Request, res: Response, entry: Entry, startedAt: number): void => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': entry.body.length,
      'cache-control': entry.cacheControl,
      age: String(Math.max(0, Math.round((Date.now() - entry.storedAt) / 1000))),
      [REPLAY_HEADER]: 'hit',
    });
    res.end(entry.body);
    const seconds = (performance.now() - startedAt) / 1000;
    const principal = options.principalOf(req);
    options.audit?.({
      time: new Date(Date.now() - seconds * 1000).toISOString(),
      event: 'graphql.operation',
      principal: { id: principal.id, kind: principal.kind },
      ...entry.audit,
      durationMs: seconds * 1000,
      outcome: 'ok',
      errorCodes: [],
    });
    options.observe?.(entry.audit.operationName, seconds);
  };

  /** Collect what Apollo writes, and keep it when it is a cacheable 200 answer. */
  const capture = (req: Request, res: Response, key: string): void => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown, encoding?: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || bytes > MAX_ANSWER_BYTES)
        return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      chunks.push(buffer);
      bytes += buffer.length;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      const result = end(chunk, ...rest);
      const cacheControl = res.getHeader('cache-control');
      const maxAge = maxAgeOf(cacheControl);
      if (res.statusCode === 200 && maxAge > 0 && bytes <= MAX_ANSWER_BYTES) {
        const audit = auditFactsOf(req.body as GraphQLBody);
        if (audit)
          cache.set(
            key,
            { body: Buffer.concat(chunks), cacheControl: String(cacheControl), storedAt: Date.now(), audit },
            { ttl: maxAge * 1000 },
          );
      }
      return result;
    }) as Response['end'];
  };

  const middleware: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const startedAt = performance.now();
    const key = keyOf(req);
    if (key === null) return next();
    const entry = cache.get(key);
    if (entry) return replay(req, res, entry, startedAt);
    capture(req, res, key);
    next();
  };
  return { middleware, size: () => cache.size };
}
