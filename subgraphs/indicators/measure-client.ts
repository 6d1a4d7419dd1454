import DataLoader from 'dataloader';
import { Agent } from 'undici';
import { callWithin } from '../common/http';
import { GraphQLError } from 'graphql';
import { ErrorCode, userError } from '../../schema/errors';
import { MEASURE_PROTOCOL_QUERY, MEASURE_VALUES_QUERY } from '../common/measures';
import type { MeasureRequest, MeasureValueData } from '../common/measures';
import { ANONYMOUS_PRINCIPAL } from '../../security/principal';
import type { Principal } from '../../security/principal';
import { signPrincipal } from '../../security/signing';
import { currentRequestId } from '../common/server';
import { todayInShanghai } from '../../schema/period';
import type { LocalDate } from '../../schema/period';
import { recordCacheLookup } from '../common/metrics';
import { isCacheableRequest, isStorableValue, measureCacheKey } from './cache';
import type { MeasureCache } from './cache';

/** A domain subgraph the engine may ask for measures. */
export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
}

/** The request id of the operation being served (x-request-id), forwarded to the measure owner. */
function requestIdHeader(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId === undefined ? {} : { 'x-request-id': requestId };
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Keep-alive connections to the measure owners (calls through `callWithin`, common/http.ts). */
const owners = new Agent({ connections: 64, keepAliveTimeout: 30_000 });

async function post<T>(
  endpoint: SubgraphEndpoint,
  query: string,
  variables: object,
  timeoutMs: number,
  signed: Record<string, string>,
): Promise<T> {
  const { status, text } = await callWithin(
    owners,
    endpoint.url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed, ...requestIdHeader() },
      body: JSON.stringify({ query, variables }),
    },
    timeoutMs,
    endpoint.name,
  );
  const body = JSON.parse(text) as GraphQLResponse<T>;
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new GraphQLError(first.message, { extensions: first.extensions });
  }
  if (!body.data) throw new Error(`${endpoint.name}: empty response (HTTP ${status})`);
  return body.data;
}

/**
 * Which subgraph serves which measure: discovered from the subgraphs themselves
 * (`_measureCatalog`), never hard-coded. Retried on the next request after a failure.
 */
export class MeasureDirectory {
  private owners: Promise<Map<string, SubgraphEndpoint>> | null = null;

  /** Per owning subgraph: `_measureValues` calls made and triples asked (for batch-count checks). */
  readonly traffic = new Map<string, { calls: number; triples: number }>();

  /**
   * @param secret HMAC key shared with the subgraphs: each call forwards the caller's principal,
   *   signed, so every subgraph enforces the caller's scope itself.
   */
  constructor(
    private readonly endpoints: readonly SubgraphEndpoint[],
    private readonly secret: string,
    readonly timeoutMs = 30_000,
  ) {}

  async ownerMap(): Promise<Map<string, SubgraphEndpoint>> {
    if (!this.owners) {
      this.owners = this.discover().catch((e) => {
        this.owners = null;
        throw e;
      });
    }
    return this.owners;
  }

  private async discover(): Promise<Map<string, SubgraphEndpoint>> {
    const map = new Map<string, SubgraphEndpoint>();
    const results = await Promise.allSettled(
      this.endpoints.map((e) =>
        post<{ _measureCatalog: Array<{ code: string }> }>(
          e,
          MEASURE_PROTOCOL_QUERY,
          {},
          this.timeoutMs,
          signPrincipal(ANONYMOUS_PRINCIPAL, this.secret),
        ),
      ),
    );
    let failed = false;
    results.forEach((r, i) => {
      if (r.status === 'rejected') {
        failed = true;
        console.warn(
          `[indicators] measure discovery: ${this.endpoints[i].name} did not answer: ${String(r.reason)}`,
        );
        return;
      }
      for (const m of r.value._measureCatalog) if (!map.has(m.code)) map.set(m.code, this.endpoints[i]);
    });
    if (failed) this.owners = null;
    return map;
  }

  /** Ask `endpoint` for many triples in one call, on behalf of `principal`. */
  values(
    endpoint: SubgraphEndpoint,
    requests: readonly MeasureRequest[],
    principal: Principal,
  ): Promise<MeasureValueData[]> {
    const seen = this.traffic.get(endpoint.name) ?? { calls: 0, triples: 0 };
    this.traffic.set(endpoint.name, { calls: seen.calls + 1, triples: seen.triples + requests.length });
    const variables = {
      requests: requests.map((r) => ({
        scope: { kind: r.scopeKind, code: r.scopeCode },
        period: r.period,
        measure: r.measure,
      })),
    };
    return post<{ _measureValues: MeasureValueData[] }>(
      endpoint,
      MEASURE_VALUES_QUERY,
      variables,
      this.timeoutMs,
      signPrincipal(principal, this.secret),
    ).then((d) => d._measureValues);
  }
}

export function requestKey(r: MeasureRequest): string {
  return `${r.scopeKind}|${r.scopeCode}|${r.period}|${r.measure}`;
}

/** A subgraph that could not be asked: its values are missing, and the answer says so. */
function unavailable(r: MeasureRequest, endpoint: SubgraphEndpoint): MeasureValueData {
  return {
    ...r,
    value: null,
    complete: false,
    sources: [{ id: endpoint.name, kind: 'subgraph', status: 'UNREACHABLE', institutions: 0 }],
    missingInstitutions: [],
    uncoveredInstitutions: 0,
  };
}

/** The result cache of closed periods, as the measure loader uses it. */
export interface MeasureLoaderCache {
  /** null: no cache, every triple is asked live. */
  readonly cache: MeasureCache | null;
  /** Today in Asia/Shanghai (`yyyyMMdd`), which decides what is closed; injectable for tests. */
  readonly today?: () => LocalDate;
  /** Told, for every triple the request loaded, whether it may be cached (closed period, complete answer). */
  readonly observe?: (cacheable: boolean) => void;
}

/**
 * Cached values of the closed-period triples among `keys`, keyed by `requestKey`. The cache key
 * carries the caller's visibility (cache/key.ts), so another principal never gets these. Each
 * lookup counts as a hit or a miss in the cache hit ratio (`/metrics`).
 */
async function readCached(
  keys: readonly MeasureRequest[],
  principal: Principal,
  cache: MeasureCache,
  today: LocalDate,
): Promise<Map<string, MeasureValueData>> {
  const cacheable = keys.filter((k) => isCacheableRequest(k, today));
  const found = new Map<string, MeasureValueData>();
  if (cacheable.length === 0) return found;
  const values = await cache.getMany(cacheable.map((k) => measureCacheKey(principal, k)));
  values.forEach((v, i) => {
    recordCacheLookup(v !== undefined);
    if (v !== undefined) found.set(requestKey(cacheable[i]), v);
  });
  return found;
}

/** Store the complete, error-free answers of closed periods (partial answers and FORBIDDEN never). */
function storeCached(
  answered: ReadonlyArray<readonly [MeasureRequest, MeasureValueData]>,
  principal: Principal,
  cache: MeasureCache,
  today: LocalDate,
): Promise<void> {
  const entries = answered
    .filter(([r, v]) => isCacheableRequest(r, today) && isStorableValue(v))
    .map(([r, v]) => [measureCacheKey(principal, r), v] as const);
  return cache.setMany(entries);
}

/**
 * Per-operation loader: every (scope, period, measure) triple the operation needs, from every
 * Region and indicator, is collected; triples of closed periods are first looked up in the
 * result cache, and only the misses are sent, as one call per owning subgraph.
 */
export function createMeasureLoader(
  directory: MeasureDirectory,
  principal: Principal,
  { cache, today = todayInShanghai, observe }: MeasureLoaderCache = { cache: null },
): DataLoader<MeasureRequest, MeasureValueData, string> {
  return new DataLoader<MeasureRequest, MeasureValueData, string>(
    async (keys) => {
      const day = today();
      const cached = cache
        ? await readCached(keys, principal, cache, day)
        : new Map<string, MeasureValueData>();
      const results = new Map<string, MeasureValueData | Error>(cached);
      const misses = keys.filter((k) => !cached.has(requestKey(k)));
      const answered: Array<readonly [MeasureRequest, MeasureValueData]> = [];
      const owners = misses.length > 0 ? await directory.ownerMap() : new Map<string, SubgraphEndpoint>();
      const byOwner = new Map<SubgraphEndpoint, MeasureRequest[]>();
      for (const k of misses) {
        const owner = owners.get(k.measure);
        if (!owner) {
          results.set(
            requestKey(k),
            userError(ErrorCode.MEASURE_UNAVAILABLE, `No subgraph serves measure ${k.measure} (度量不可用)`),
          );
          continue;
        }
        byOwner.set(owner, [...(byOwner.get(owner) ?? []), k]);
      }
      await Promise.all(
        [...byOwner].map(async ([owner, requests]) => {
          try {
            const values = await directory.values(owner, requests, principal);
            values.forEach((v, i) => {
              const key = requestKey(requests[i]);
              if (v.error === ErrorCode.FORBIDDEN) {
                results.set(
                  key,
                  userError(
                    ErrorCode.FORBIDDEN,
                    `Not within the caller's scope: ${requests[i].scopeKind} ${requests[i].scopeCode} (无权访问该范围的数据)`,
                  ),
                );
              } else {
                results.set(key, v);
                answered.push([requests[i], v]);
              }
            });
          } catch (e) {
            const code = e instanceof GraphQLError ? e.extensions?.code : undefined;
            if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
              for (const r of requests) results.set(requestKey(r), e as GraphQLError);
              return;
            }
            console.warn(`[indicators] ${owner.name} failed: ${String(e)}`);
            for (const r of requests) results.set(requestKey(r), unavailable(r, owner));
          }
        }),
      );
      if (cache) await storeCached(answered, principal, cache, day);
      const out = keys.map((k) => results.get(requestKey(k)) ?? new Error('measure not answered'));
      if (observe)
        out.forEach((v, i) =>
          observe(!(v instanceof Error) && isCacheableRequest(keys[i], day) && isStorableValue(v)),
        );
      return out;
    },
    { cacheKeyFn: requestKey },
  );
}
