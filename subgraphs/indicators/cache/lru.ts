import { LRUCache } from 'lru-cache';
import type { MeasureValueData } from '../../common/measures';
import { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS } from './cache';
import type { MeasureCache } from './cache';

/** Options of the in-process cache. */
export interface LruCacheOptions {
  /** Bound in entries (default 50 000): the least recently used entry goes first. */
  readonly maxEntries?: number;
  /** Time to live of an entry in ms (default one hour). */
  readonly ttlMs?: number;
  /** Clock in ms (default Date.now), injectable for tests. */
  readonly now?: () => number;
}

interface Entry {
  readonly value: MeasureValueData;
  readonly expiresAt: number;
}

/**
 * The default cache: in-process, bounded by entries, each entry expiring after its TTL on the
 * injectable clock (the expiry is checked on read, so a test can move time without waiting).
 */
export class LruMeasureCache implements MeasureCache {
  readonly kind = 'lru';
  private readonly entries: LRUCache<string, Entry>;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: LruCacheOptions = {}) {
    this.entries = new LRUCache<string, Entry>({ max: options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES });
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Entries held (expired ones included until they are read or evicted). */
  get size(): number {
    return this.entries.size;
  }

  getMany(keys: readonly string[]): Promise<Array<MeasureValueData | undefined>> {
    const now = this.now();
    return Promise.resolve(
      keys.map((k) => {
        const entry = this.entries.get(k);
        if (!entry) return undefined;
        if (entry.expiresAt <= now) {
          this.entries.delete(k);
          return undefined;
        }
        return entry.value;
      }),
    );
  }

  setMany(entries: ReadonlyArray<readonly [string, MeasureValueData]>): Promise<void> {
    const expiresAt = this.now() + this.ttlMs;
    for (const [k, value] of entries) this.entries.set(k, { value, expiresAt });
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}
