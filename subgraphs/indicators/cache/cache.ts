import type { MeasureValueData } from '../../common/measures';

/**
 * A store of measure values of closed periods, keyed by `measureCacheKey` (key.ts). Both
 * implementations — in-process LRU and Redis — never throw: a lookup that cannot be answered is
 * a miss, a store that cannot be written is dropped, so the cache can never fail a request.
 */
export interface MeasureCache {
  /** `lru` or `redis`, for logs and tests. */
  readonly kind: string;
  /** One entry per key, in order: the stored value, or undefined for a miss. */
  getMany(keys: readonly string[]): Promise<Array<MeasureValueData | undefined>>;
  /** Store values (each expires after the cache's TTL). */
  setMany(entries: ReadonlyArray<readonly [string, MeasureValueData]>): Promise<void>;
  /** Release connections (Redis); the cache answers misses afterwards. */
  close(): Promise<void>;
}

/** Default time to live of an entry: one hour. */
export const DEFAULT_CACHE_TTL_MS = 60 * 60 * 1000;

/** Default bound of the in-process LRU, in entries. */
export const DEFAULT_CACHE_MAX_ENTRIES = 50_000;
