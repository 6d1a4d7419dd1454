import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Principal } from '../../security/principal';
import { visibilityKey } from '../../security/visibility';
import { RedisJsonStore } from '../../subgraphs/indicators/cache/redis';

/**
 * The gateway's cache of whole answers (Apollo's response-cache plugin): an operation whose every
 * subgraph answer said `Cache-Control: max-age=…, private` — the indicators subgraph says so only
 * when every value it computed is of a closed period and complete — is kept and served again to
 * callers of the same visibility (security/visibility.ts: kind, id, grants, division, roles,
 * suppression), for the same document and variables. Open periods, partial answers, refusals,
 * errors and anything touching another subgraph are never kept. A hit costs no subgraph call.
 */

/** Where whole answers are kept: in-process (default), Redis (replicas share it) or nowhere. */
export type ResponseCacheConfig =
  | { readonly kind: 'off' }
  | { readonly kind: 'lru'; readonly maxBytes?: number }
  | { readonly kind: 'redis'; readonly url: string; readonly prefix?: string };

/** Keys of whole answers in Redis start with this. */
export const RESPONSE_KEY_PREFIX = 'hag:response:v1:';
/** Default size of the in-process cache: 256 MB of serialized answers. */
export const DEFAULT_RESPONSE_CACHE_BYTES = 256 * 1024 * 1024;

/** A KeyValueCache on Redis that falls back to a miss while Redis is down (never fails a request). */
class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly store: RedisJsonStore<string>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.store.getMany([key]))[0];
  }

  async set(key: string, value: string, _options?: KeyValueCacheSetOptions): Promise<void> {
    // Every entry lives one hour (the store's TTL), as long as the subgraphs' max-age.
    await this.store.setMany([[key, value]]);
  }

  async delete(): Promise<boolean> {
    return false;
  }
}

export interface ResponseCache {
  readonly kind: ResponseCacheConfig['kind'];
  readonly plugins: ApolloServerPlugin<BaseContext & { principal: Principal }>[];
  close(): Promise<void>;
}

export function createResponseCache(
  config: ResponseCacheConfig,
  logger?: Pick<Console, 'warn' | 'info'>,
): ResponseCache {
  if (config.kind === 'off') return { kind: 'off', plugins: [], close: () => Promise.resolve() };
  const redis =
    config.kind === 'redis'
      ? new RedisJsonStore<string>(
          { url: config.url, prefix: config.prefix ?? RESPONSE_KEY_PREFIX, ttlMs: 3_600_000, logger },
          RESPONSE_KEY_PREFIX,
          '[gateway] response cache',
        )
      : null;
  const cache: KeyValueCache<string> = redis
    ? new RedisKeyValueCache(redis)
    : new InMemoryLRUCache<string>({
        maxSize:
          config.kind === 'lru'
            ? (config.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES)
            : DEFAULT_RESPONSE_CACHE_BYTES,
      });
  const plugin = responseCachePlugin<BaseContext & { principal: Principal }>({
    cache,
    // Private answers are kept per visibility: scope and small-count suppression never leak.
    sessionId: async ({ contextValue }) => visibilityKey(contextValue.principal),
  });
  return {
    kind: config.kind,
    plugins: [plugin],
    close: async () => {
      await redis?.close();
    },
  };
}

/**
 * The configuration of a gateway running alone, from `RESPONSE_CACHE`: unset or `lru` (default),
 * `off`, or a `redis://` / `rediss://` URL (replicas share it); `RESPONSE_CACHE_PREFIX` below
 * `hag:response:v1:`.
 */
export function responseCacheConfigFromEnv(env: NodeJS.ProcessEnv): ResponseCacheConfig {
  const spec = (env.RESPONSE_CACHE ?? '').trim();
  if (spec === '' || spec === 'lru') return { kind: 'lru' };
  if (spec === 'off') return { kind: 'off' };
  if (/^rediss?:\/\//.test(spec)) {
    const prefix = env.RESPONSE_CACHE_PREFIX?.trim() || undefined;
    return prefix ? { kind: 'redis', url: spec, prefix } : { kind: 'redis', url: spec };
  }
  throw new Error(`RESPONSE_CACHE must be "lru", "off" or a redis:// URL, not "${spec.slice(0, 40)}"`);
}
