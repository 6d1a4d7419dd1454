import type { Request, RequestHandler } from 'express';
import { sendGraphQLError } from './limits';

/** Stable `extensions.code` of the rate limit. */
export const RateLimitErrorCode = {
  /** 请求过于频繁 — HTTP 429 with `Retry-After`: the caller's request budget is used up. */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

/** A source of time in milliseconds (injectable for tests). */
export interface Clock {
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

export interface RateLimitOptions {
  /** Sustained requests per minute per key. */
  readonly perMinute: number;
  /** Requests a key may make at once after being idle (the bucket's capacity). */
  readonly burst: number;
  readonly clock?: Clock;
  /** Buckets kept in memory before idle ones are dropped. Default 10 000. */
  readonly maxKeys?: number;
}

/** The answer of one `take`: allowed, or refused with the seconds until a token is available. */
export type TakeResult =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-memory token buckets, one per key: each holds at most `burst` tokens, refills at
 * `perMinute` tokens a minute, and each request takes one. A full bucket is the same as no
 * bucket, so idle keys are forgotten when the table grows past `maxKeys`.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly clock: Clock;
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimitOptions) {
    if (!(options.perMinute > 0) || !(options.burst >= 1)) {
      throw new Error('rate limit: perMinute must be > 0 and burst >= 1');
    }
    this.perMs = options.perMinute / 60_000;
    this.clock = options.clock ?? systemClock;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Takes one token from `key`'s bucket if there is one. */
  take(key: string): TakeResult {
    const now = this.clock.now();
    const bucket = this.refill(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.store(key, bucket);
      return { allowed: true };
    }
    this.store(key, bucket);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  /** The bucket as it stands at `now`. */
  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.burst, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(this.options.burst, bucket.tokens + elapsed * this.perMs), updatedAt: now };
  }

  private store(key: string, bucket: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.evict();
  }

  /** Drops buckets that have refilled completely, then the least recently used ones. */
  private evict(): void {
    const now = this.clock.now();
    for (const [key, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.options.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/** `keyOf(req)`, or `address:<client address>` when it throws. */
async function keyOrAddress(
  keyOf: (req: Request) => string | Promise<string>,
  req: Request,
): Promise<string> {
  try {
    return await keyOf(req);
  } catch {
    return `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
  }
}

/**
 * Express middleware: one token per request from the bucket of `keyOf(req)` (the principal's
 * id; the client address for anonymous callers; may be async). When `keyOf` throws (a forged
 * token, say) the client address is the key. Out of tokens → 429 RATE_LIMITED with
 * `Retry-After` in seconds, GraphQL-shaped.
 */
export function rateLimitMiddleware(
  keyOf: (req: Request) => string | Promise<string>,
  options: RateLimitOptions,
): RequestHandler {
  const limiter = new TokenBucketLimiter(options);
  return async (req, res, next) => {
    const result = limiter.take(await keyOrAddress(keyOf, req));
    if (result.allowed) return next();
    sendGraphQLError(
      res,
      429,
      RateLimitErrorCode.RATE_LIMITED,
      `Too many requests; retry after ${result.retryAfterSeconds} s (请求过于频繁)`,
      { 'Retry-After': String(result.retryAfterSeconds) },
    );
  };
}
