import { createClient } from 'redis';
import type { MeasureValueData } from '../../common/measures';
import { DEFAULT_CACHE_TTL_MS } from './cache';
import type { MeasureCache } from './cache';

/** Every key this product writes to Redis starts with this (the `v1` changes with the value format). */
export const REDIS_KEY_PREFIX = 'hag:measure:v1:';

/** Options of the shared cache. */
export interface RedisCacheOptions {
  /** `redis://host:port` (or `rediss://`), as node-redis `createClient({ url })` takes it. */
  readonly url: string;
  /**
   * Key prefix (default `hag:measure:v1:`). Must start with it; replicas serving the same sources
   * share one prefix, a deployment on other data (or a test run) takes its own below it.
   */
  readonly prefix?: string;
  /** Time to live of an entry in ms (Redis `EX`, rounded up to whole seconds; default one hour). */
  readonly ttlMs?: number;
  /** Longest wait for a connection or a command before it counts as a miss (default 1 000 ms). */
  readonly timeoutMs?: number;
  /** After a failure, how long the cache stays out of the way before it tries again (default 30 s). */
  readonly retryAfterMs?: number;
  readonly logger?: Pick<Console, 'warn' | 'info'>;
  /** Clock in ms (default Date.now). */
  readonly now?: () => number;
}

type Client = ReturnType<typeof createClient>;

/** Reject after `ms` when `p` has not settled (the timer never keeps the process alive). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The shared cache for several replicas: node-redis, connected lazily on first use. When Redis
 * is unreachable or fails, it logs once (until it works again), answers misses and drops stores
 * — requests go live — and tries to connect again after `retryAfterMs`.
 */
export class RedisJsonStore<V> {
  readonly kind = 'redis';
  readonly prefix: string;
  private readonly ttlSeconds: number;
  private readonly timeoutMs: number;
  private readonly retryAfterMs: number;
  private readonly now: () => number;
  private connecting: Promise<Client | null> | null = null;
  private client: Client | null = null;
  private downUntil = 0;
  private warned = false;
  private closed = false;

  constructor(
    private readonly options: RedisCacheOptions,
    /** Every key of this store starts with it (the prefix option must too). */
    root: string = REDIS_KEY_PREFIX,
    /** What the log lines call it. */
    private readonly label: string = '[indicators] measure cache',
  ) {
    this.prefix = options.prefix ?? root;
    if (!this.prefix.startsWith(root)) {
      throw new Error(`the Redis cache prefix must start with ${root}`);
    }
    this.ttlSeconds = Math.max(1, Math.ceil((options.ttlMs ?? DEFAULT_CACHE_TTL_MS) / 1000));
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** True while Redis answers (false before the first use and after a failure). */
  get connected(): boolean {
    return this.client?.isReady === true;
  }

  async getMany(keys: readonly string[]): Promise<Array<V | undefined>> {
    const misses = keys.map((): V | undefined => undefined);
    if (keys.length === 0) return misses;
    const client = await this.ready();
    if (!client) return misses;
    try {
      const raw = await withTimeout(client.mGet(keys.map((k) => this.prefix + k)), this.timeoutMs);
      return raw.map((v) => (typeof v === 'string' ? (JSON.parse(v) as V) : undefined));
    } catch (e) {
      this.fail(e);
      return misses;
    }
  }

  async setMany(entries: ReadonlyArray<readonly [string, V]>): Promise<void> {
    if (entries.length === 0) return;
    const client = await this.ready();
    if (!client) return;
    try {
      const multi = client.multi();
      for (const [k, v] of entries) {
        multi.set(this.prefix + k, JSON.stringify(v), { expiration: { type: 'EX', value: this.ttlSeconds } });
      }
      await withTimeout(multi.exec(), this.timeoutMs);
    } catch (e) {
      this.fail(e);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.connecting = null;
    if (client?.isOpen) await client.close().catch(() => client.destroy());
  }

  /** The connected client, or null while Redis is out of the way (down, or closed). */
  private ready(): Promise<Client | null> {
    if (this.closed || this.now() < this.downUntil) return Promise.resolve(null);
    if (this.client?.isReady) return Promise.resolve(this.client);
    if (!this.connecting) this.connecting = this.connect();
    return this.connecting;
  }

  private async connect(): Promise<Client | null> {
    let client: Client | null = null;
    try {
      const created: Client = createClient({
        url: this.options.url,
        socket: { connectTimeout: this.timeoutMs, reconnectStrategy: false },
      });
      client = created;
      created.on('error', (e: unknown) => this.fail(e, created));
      await withTimeout(created.connect(), this.timeoutMs);
      if (this.closed) {
        client.destroy();
        return null;
      }
      this.client = client;
      if (this.warned) this.options.logger?.info(`${this.label}: Redis is back`);
      this.warned = false;
      return client;
    } catch (e) {
      this.fail(e, client);
      return null;
    } finally {
      this.connecting = null;
    }
  }

  /** Log once per outage, drop the client, and stay out of the way for `retryAfterMs`. */
  private fail(e: unknown, client: Client | null = this.client): void {
    if (!this.warned && !this.closed) {
      this.warned = true;
      const reason = e instanceof Error ? e.message : String(e);
      this.options.logger?.warn(
        `${this.label}: Redis unavailable (${reason}); answering live until it is back`,
      );
    }
    this.downUntil = this.now() + this.retryAfterMs;
    if (client) {
      if (client === this.client) this.client = null;
      try {
        client.destroy();
      } catch {
        // already closed
      }
    }
  }
}

/** The measure cache on Redis (`hag:measure:v1:` keys). */
export class RedisMeasureCache extends RedisJsonStore<MeasureValueData> implements MeasureCache {
  constructor(options: RedisCacheOptions) {
    super(options);
  }
}
