import 'reflect-metadata';
import { SourceRegistry } from '../adapters';
import type { SourcesConfig } from '../adapters';
import { startGateway } from '../gateway';
import type { RunningGateway } from '../gateway';
import { serveSubgraph } from '../subgraphs/common/server';
import type { RunningServer } from '../subgraphs/common/server';
import {
  buildIndicatorsSchema,
  createIndicatorsContext,
  createMeasureCache,
  indicatorsPlugins,
  measureCacheConfigFromEnv,
  MeasureDirectory,
} from '../subgraphs/indicators';
import type { MeasureCache, MeasureCacheConfig } from '../subgraphs/indicators';
import { DOMAIN_SUBGRAPHS } from './subgraphs';
import type { OpenSubgraph } from './subgraphs';
import { createResponseCache, RESPONSE_KEY_PREFIX } from '../gateway/response-cache';
import type { ResponseCacheConfig } from '../gateway/response-cache';
import { REDIS_KEY_PREFIX } from '../subgraphs/indicators/cache';
import type { OpenedStore } from '../subgraphs/common/store/open';
import type { StoreConfig } from '../adapters/sources/config';
import type { SecurityConfig } from '../security/config';
import { demoSecurityConfig } from '../security/demo';
import { silentLogger } from '../gateway/ops/logging';
import type { Logger } from '../gateway/ops/logging';
import type { Readiness } from '../gateway/ops/health';
import { observeSources } from '../subgraphs/common/metrics';

export interface StackOptions {
  readonly sources: SourcesConfig;
  /** Gateway port (0 = any free port). */
  readonly port: number;
  /** Port per subgraph name (`institutions`, `alliances`, …, `indicators`); missing = any free port. */
  readonly ports?: Readonly<Record<string, number>>;
  readonly host?: string;
  readonly logger?: Pick<Console, 'warn' | 'info'>;
  /** Tokens, keys and the gateway–subgraph secret; default: the demo's (public keys). */
  readonly security?: SecurityConfig;
  /** Audit lines of the gateway, with the operation's request id (default: stdout). */
  readonly audit?: (line: string, requestId?: string) => void;
  /** Structured logs of the gateway and the subgraphs (gateway/ops/logging.ts); default: none. */
  readonly log?: Logger;
  /** How long the gateway reuses a readiness answer (ms, default 5 000). */
  readonly readinessCacheMs?: number;
  /** Request headers the playground presets (the demo presets a demo key). */
  readonly playgroundHeaders?: Record<string, string>;
  /**
   * Result cache of closed periods of the indicator engine; default from the environment
   * (`INDICATOR_CACHE`: unset = in-process LRU, `off`, or a `redis://` URL).
   */
  readonly cache?: MeasureCacheConfig;
  /** The measure store; default: the sources configuration's `store` (absent: live only); null: off. */
  readonly store?: StoreConfig | null;
  /**
   * Time limits (ms): of a request at the gateway (default 60 000), of a gateway → subgraph fetch
   * (60 000) and of an indicators → measure-owner call (30 000). The benchmark lifts them so a
   * cold province form computed fully live finishes.
   */
  readonly timeouts?: {
    readonly requestMs?: number;
    readonly subgraphMs?: number;
    readonly measureMs?: number;
  };
}

export interface RunningStack {
  readonly gateway: RunningGateway;
  /** Every subgraph by name, the indicators subgraph included. */
  readonly subgraphs: Readonly<Record<string, RunningServer>>;
  readonly sources: SourceRegistry;
  /** How the indicators subgraph finds and asks measure owners (its traffic counters included). */
  readonly measures: MeasureDirectory;
  /** The indicator engine's result cache (null when configured off). */
  readonly cache?: MeasureCache | null;
  /** The measure store of the institutions subgraph (absent: live only). */
  readonly store?: OpenedStore;
  /** Every subgraph's measure store (institutions, insurance, …): one database, each its own facts. */
  readonly stores: readonly OpenedStore[];
  close(): Promise<void>;
}

/** The gateway's whole-answer cache follows the measure cache: off, in-process, or the same Redis. */
function responseCacheOf(measure: MeasureCacheConfig): ResponseCacheConfig {
  if (measure.kind !== 'redis') return { kind: measure.kind };
  const below = measure.prefix?.startsWith(REDIS_KEY_PREFIX)
    ? measure.prefix.slice(REDIS_KEY_PREFIX.length)
    : '';
  return { kind: 'redis', url: measure.url, prefix: `${RESPONSE_KEY_PREFIX}${below}` };
}

/** Every source tried once: `OK`, or why it cannot be reached (for the gateway's `/readyz`). */
export async function readinessOf(sources: SourceRegistry): Promise<Readiness> {
  const failing = new Map((await sources.check()).map((f) => [f.id, f.failure] as const));
  return {
    ready: failing.size === 0,
    sources: sources.all().map((s) => ({ id: s.id, kind: s.config.kind, status: failing.get(s.id) ?? 'OK' })),
  };
}

/**
 * The whole product in one process: every subgraph on its own HTTP port, and the gateway in
 * front of them talking HTTP, exactly as when they run as separate services. The indicators
 * subgraph discovers the measures of the domain subgraphs through their measure protocol.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const host = options.host ?? '127.0.0.1';
  const security = options.security ?? demoSecurityConfig();
  const secret = security.subgraphSecret;
  const smallCountThreshold = security.smallCountThreshold;
  const sources = new SourceRegistry(options.sources, options.logger);
  observeSources(sources.all());
  const log = options.log ?? silentLogger();
  const running: Record<string, RunningServer> = {};
  const store = options.store === undefined ? options.sources.store : (options.store ?? undefined);
  const opened: OpenSubgraph[] = [];
  for (const subgraph of DOMAIN_SUBGRAPHS) {
    const services = subgraph.open(sources, { ...(store ? { store } : {}), logger: options.logger });
    opened.push(services);
    running[subgraph.name] = await serveSubgraph({
      name: subgraph.name,
      schema: await subgraph.build(),
      port: options.ports?.[subgraph.name] ?? 0,
      host,
      secret,
      log,
      context: () => services.context(),
    });
  }
  const domain = DOMAIN_SUBGRAPHS.map((s) => ({ name: s.name, url: running[s.name].url }));
  const directory = new MeasureDirectory(domain, secret, options.timeouts?.measureMs);
  const cache = createMeasureCache(options.cache ?? measureCacheConfigFromEnv(process.env), options.logger);
  running.indicators = await serveSubgraph({
    name: 'indicators',
    schema: await buildIndicatorsSchema(),
    port: options.ports?.indicators ?? 0,
    host,
    secret,
    log,
    context: (principal) => createIndicatorsContext({ directory, smallCountThreshold, cache }, principal),
    plugins: indicatorsPlugins(),
  });
  const gateway = await startGateway({
    responseCache: createResponseCache(
      responseCacheOf(options.cache ?? measureCacheConfigFromEnv(process.env)),
      options.logger,
    ),
    port: options.port,
    host,
    subgraphs: [...domain, { name: 'indicators', url: running.indicators.url }],
    security,
    audit: options.audit ?? (options.logger ? (line) => options.logger?.info(line) : undefined),
    log,
    readiness: () => readinessOf(sources),
    readinessCacheMs: options.readinessCacheMs,
    subgraphTimeoutMs: options.timeouts?.subgraphMs,
    requestTimeoutMs: options.timeouts?.requestMs,
    // With the demo's (public) keys, the playground opens as the 安康市 account.
    playgroundHeaders:
      options.playgroundHeaders ??
      (options.security ? undefined : { Authorization: 'Bearer hag_demo_city_610900' }),
  });
  const stores = opened.flatMap((o) => (o.store ? [o.store] : []));
  const openedStore = opened[DOMAIN_SUBGRAPHS.findIndex((s) => s.name === 'institutions')]?.store;
  return {
    gateway,
    subgraphs: running,
    sources,
    measures: directory,
    cache,
    stores,
    ...(openedStore ? { store: openedStore } : {}),
    async close() {
      await gateway.close();
      for (const server of Object.values(running).reverse()) await server.close();
      for (const services of opened) await services.close();
      await cache?.close();
      await sources.close();
    },
  };
}
