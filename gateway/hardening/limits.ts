import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { ArmorErrorCode } from './armor';

/** Stable `extensions.code`s of the HTTP-level limits (answered before Apollo sees the request). */
export const LimitErrorCode = {
  /** 请求体过大 — HTTP 413: the body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** 不支持的内容类型 — HTTP 415: a POST that is not `application/json` (or an unsupported charset/encoding). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** 请求格式错误 — HTTP 400: the body is not valid JSON, or not a JSON object. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** 不支持批量请求 — HTTP 400: a JSON array of operations while batching is off. */
  BATCH_NOT_ALLOWED: 'BATCH_NOT_ALLOWED',
  /** 批量请求过多 — HTTP 400: a batch longer than the configured maximum. */
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  /** 请求方法不支持 — HTTP 405: not GET or POST (GET only when allowed). */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** 请求超时 — HTTP 503: the operation did not finish within the per-request time limit. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
} as const;
export type LimitErrorCode = (typeof LimitErrorCode)[keyof typeof LimitErrorCode];

/** A GraphQL-shaped error response body: `{ errors: [{ message, extensions: { code } }] }`. */
export interface GraphQLErrorBody {
  readonly errors: readonly [{ readonly message: string; readonly extensions: { readonly code: string } }];
}

/** The GraphQL-shaped body of an error answered outside Apollo. */
export function graphqlErrorBody(code: string, message: string): GraphQLErrorBody {
  return { errors: [{ message, extensions: { code } }] };
}

/** Answers a GraphQL-shaped error with `status` (and extra headers such as `Retry-After`). */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.status(status).set(headers).json(graphqlErrorBody(code, message));
}

export interface ContentTypeOptions {
  /** Accept GET requests (queries in the URL). Default true. */
  readonly allowGet?: boolean;
}

/** The media type of a request, lower-cased, without parameters ('' when absent). */
function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Method and media-type gate: POST must be `application/json` (415 UNSUPPORTED_MEDIA_TYPE),
 * GET passes when allowed (Apollo itself refuses mutations over GET with 405 and enforces its
 * CSRF preflight header), OPTIONS passes (CORS), anything else is 405 METHOD_NOT_ALLOWED.
 */
export function contentTypeMiddleware(options: ContentTypeOptions = {}): RequestHandler {
  const allowGet = options.allowGet ?? true;
  const allow = allowGet ? 'GET, POST' : 'POST';
  return (req, res, next) => {
    if (req.method === 'POST') {
      if (mediaType(req) === 'application/json') return next();
      return sendGraphQLError(
        res,
        415,
        LimitErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'POST requests must have Content-Type: application/json (内容类型必须为 application/json)',
      );
    }
    if (req.method === 'GET' && allowGet) return next();
    if (req.method === 'OPTIONS') return next();
    return sendGraphQLError(
      res,
      405,
      LimitErrorCode.METHOD_NOT_ALLOWED,
      `Method ${req.method} is not allowed; use ${allow} (请求方法不支持)`,
      { Allow: allow },
    );
  };
}

export interface JsonBodyOptions {
  /** Largest accepted body in bytes. Default 102 400 (100 kB). */
  readonly maxBytes?: number;
  /** Accept a JSON array of operations with at most this many entries. Default: batches refused. */
  readonly maxBatchLength?: number;
}

/** The defaults of `JsonBodyOptions`. */
export const JSON_BODY_DEFAULTS = { maxBytes: 100 * 1024 } as const;

/** body-parser's error `type`s, mapped to our status and code. */
const BODY_PARSER_ERRORS: Readonly<Record<string, readonly [number, LimitErrorCode, string]>> = {
  'entity.too.large': [413, LimitErrorCode.PAYLOAD_TOO_LARGE, 'Request body too large (请求体过大)'],
  'entity.parse.failed': [
    400,
    LimitErrorCode.BAD_REQUEST,
    'Request body is not valid JSON (请求体不是合法 JSON)',
  ],
  'charset.unsupported': [415, LimitErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported charset (不支持的字符集)'],
  'encoding.unsupported': [
    415,
    LimitErrorCode.UNSUPPORTED_MEDIA_TYPE,
    'Unsupported content encoding (不支持的内容编码)',
  ],
};

/**
 * `express.json` with a size limit, whose failures are answered in GraphQL shape: too large →
 * 413 PAYLOAD_TOO_LARGE, invalid JSON → 400 BAD_REQUEST, bad charset/encoding → 415. A JSON
 * array (a batch) is refused with 400 BATCH_NOT_ALLOWED unless `maxBatchLength` is set, and a
 * longer batch with 400 BATCH_TOO_LARGE (Apollo also needs `allowBatchedHttpRequests: true`).
 */
export function jsonBodyMiddleware(options: JsonBodyOptions = {}): RequestHandler {
  const parse = express.json({ limit: options.maxBytes ?? JSON_BODY_DEFAULTS.maxBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error) {
        const type = (error as { type?: unknown }).type;
        const [status, code, message] = BODY_PARSER_ERRORS[typeof type === 'string' ? type : ''] ?? [
          400,
          LimitErrorCode.BAD_REQUEST,
          'Malformed request body (请求体格式错误)',
        ];
        return sendGraphQLError(res, status, code, message);
      }
      const body: unknown = req.body;
      if (Array.isArray(body)) {
        if (options.maxBatchLength === undefined) {
          return sendGraphQLError(
            res,
            400,
            LimitErrorCode.BATCH_NOT_ALLOWED,
            'Batched requests are not allowed; send one operation per request (不支持批量请求)',
          );
        }
        if (body.length > options.maxBatchLength) {
          return sendGraphQLError(
            res,
            400,
            LimitErrorCode.BATCH_TOO_LARGE,
            `At most ${options.maxBatchLength} operations per batch (批量请求过多)`,
          );
        }
      } else if (req.method === 'POST' && (body === null || typeof body !== 'object')) {
        return sendGraphQLError(
          res,
          400,
          LimitErrorCode.BAD_REQUEST,
          'POST body must be a JSON object with a `query` (请求体必须为 JSON 对象)',
        );
      }
      next();
    });
  };
}

/**
 * Lexical tokens in `source`, counting at most `limit + 1` (so a huge document costs no more
 * than the limit). Documents the lexer rejects count as 0: Apollo reports their syntax error.
 */
export function countTokens(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return 0;
  }
  return count;
}

/** The query texts of a parsed body (an object or a batch) or of a GET query string. */
function queryTexts(req: Request): string[] {
  const fromBody = (entry: unknown): unknown =>
    entry !== null && typeof entry === 'object' ? (entry as { query?: unknown }).query : undefined;
  const body: unknown = req.body;
  const candidates = Array.isArray(body) ? body.map(fromBody) : [fromBody(body)];
  if (req.method === 'GET') {
    candidates.push(new URLSearchParams(req.url.split('?')[1] ?? '').get('query'));
  }
  return candidates.filter((text): text is string => typeof text === 'string');
}

/**
 * Refuses documents with more than `maxTokens` lexical tokens (400 TOO_MANY_TOKENS) before
 * Apollo parses them. Mount after `jsonBodyMiddleware`.
 */
export function tokenLimitMiddleware(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    for (const text of queryTexts(req)) {
      if (countTokens(text, maxTokens) > maxTokens) {
        return sendGraphQLError(
          res,
          400,
          ArmorErrorCode.TOO_MANY_TOKENS,
          `Query has more than ${maxTokens} tokens (查询过长)`,
        );
      }
    }
    next();
  };
}

export interface TimeoutOptions {
  /** Time limit for the whole operation, in ms. */
  readonly timeoutMs: number;
}

const ABORT_KEY = 'hardeningAbort';

/**
 * A request's abort, made only when someone asks for its signal: most requests finish with no
 * one listening, and an AbortController, its Error and its event per request would be waste.
 */
class RequestAbort {
  private controller: AbortController | null = null;
  private reason: Error | null = null;

  signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(why: string): void {
    if (this.reason) return;
    this.reason = new Error(why);
    this.controller?.abort(this.reason);
  }
}

/**
 * The signal `requestTimeoutMiddleware` aborts when the request times out or the client goes
 * away before its answer was sent (never after a normal answer): pass it into the Apollo context
 * so subgraph fetches stop. Undefined without the middleware.
 */
export function requestSignal(res: Response): AbortSignal | undefined {
  const abort: unknown = res.locals[ABORT_KEY];
  return abort instanceof RequestAbort ? abort.signal() : undefined;
}

/** Makes a response that was already answered ignore the late answer of the handler behind it. */
function discardLateWrites(res: Response): void {
  res.setHeader = () => res;
  res.writeHead = () => res;
  res.write = () => true;
  res.end = () => res;
}

/**
 * A per-request time limit: when no response has been sent after `timeoutMs`, answers 503
 * REQUEST_TIMEOUT, aborts `requestSignal(res)` and discards the handler's late answer.
 */
export function requestTimeoutMiddleware(options: TimeoutOptions): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const abort = new RequestAbort();
    res.locals[ABORT_KEY] = abort;
    const timer = setTimeout(() => {
      if (!res.headersSent) {
        sendGraphQLError(
          res,
          503,
          LimitErrorCode.REQUEST_TIMEOUT,
          `The operation did not finish within ${options.timeoutMs} ms (请求超时)`,
        );
        discardLateWrites(res);
      }
      abort.abort('request timed out');
    }, options.timeoutMs);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) abort.abort('request closed');
    });
    next();
  };
}
