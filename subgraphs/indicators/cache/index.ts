import type { MeasureCache } from './cache';
import { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS } from './cache';
import { LruMeasureCache } from './lru';
import { RedisMeasureCache } from './redis';

export type { MeasureCache } from './cache';
export { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS } from './cache';
export { LruMeasureCache } from './lru';
export type { LruCacheOptions } from './lru';
export { REDIS_KEY_PREFIX, RedisMeasureCache } from './redis';
export type { RedisCacheOptions } from './redis';
export { isCacheableRequest, isStorableValue, measureCacheKey, visibilityKey } from './key';
export { RESULT_MAX_AGE_SECONDS, ResultPolicy, resultCachePolicyPlugin } from './result-policy';

/**
 * Which result cache the indicator engine uses for closed periods: `lru` (in-process, the
 * default), `redis` (shared by replicas) or `off` (always live).
 */
export type MeasureCacheConfig =
  | { readonly kind: 'off' }
  | { readonly kind: 'lru'; readonly maxEntries?: number; readonly ttlMs?: number }
  | { readonly kind: 'redis'; readonly url: string; readonly prefix?: string; readonly ttlMs?: number };

/**
 * The configuration from the environment:
 * - `INDICATOR_CACHE`: unset or `lru` (default), `off`, or a `redis://` / `rediss://` URL;
 * - `INDICATOR_CACHE_TTL`: seconds an entry lives (default 3600);
 * - `INDICATOR_CACHE_MAX`: LRU bound in entries (default 50 000);
 * - `INDICATOR_CACHE_PREFIX`: Redis key prefix, below `hag:measure:v1:` (default that).
 */
export function measureCacheConfigFromEnv(env: NodeJS.ProcessEnv): MeasureCacheConfig {
  const spec = (env.INDICATOR_CACHE ?? '').trim();
  const positive = (name: string): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${text}"`);
    return n;
  };
  const ttlSeconds = positive('INDICATOR_CACHE_TTL');
  const ttlMs = ttlSeconds === undefined ? undefined : ttlSeconds * 1000;
  if (spec === '' || spec === 'lru')
    return { kind: 'lru', maxEntries: positive('INDICATOR_CACHE_MAX'), ttlMs };
  if (spec === 'off') return { kind: 'off' };
  if (/^rediss?:\/\//.test(spec)) {
    const prefix = env.INDICATOR_CACHE_PREFIX?.trim() || undefined;
    return { kind: 'redis', url: spec, prefix, ttlMs };
  }
  throw new Error(`INDICATOR_CACHE must be "lru", "off" or a redis:// URL, not "${spec.slice(0, 40)}"`);
}

/** Build the cache a configuration names (null: no cache, every triple is asked live). */
export function createMeasureCache(
  config: MeasureCacheConfig,
  logger?: Pick<Console, 'warn' | 'info'>,
): MeasureCache | null {
  switch (config.kind) {
    case 'off':
      return null;
    case 'lru':
      return new LruMeasureCache({
        maxEntries: config.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
        ttlMs: config.ttlMs ?? DEFAULT_CACHE_TTL_MS,
      });
    case 'redis':
      return new RedisMeasureCache({ url: config.url, prefix: config.prefix, ttlMs: config.ttlMs, logger });
  }
}
