/**
 * The process's Prometheus metrics: one prom-client `Registry` (not prom-client's global one)
 * with the default process metrics, shared by everything running in the process — the gateway
 * (gateway/ops/metrics.ts adds its own metrics here), the subgraphs, the sources and the cache.
 * `npm start` runs everything in one process, so the gateway's `/metrics` shows it all; a
 * subgraph run alone shows its own on its `/metrics`.
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SourceQueryEvent, SqlSource } from '../../adapters/sql/source';

/** The registry every metric of this process is registered in. */
export const opsRegistry = new Registry();
collectDefaultMetrics({ register: opsRegistry });

/** Latency buckets in seconds, from a cached answer (~1 ms) to a slow legacy aggregate (60 s). */
export const LATENCY_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

const cacheLookups = new Counter({
  name: 'cache_lookups_total',
  help: 'Result-cache lookups by result (hit or miss).',
  labelNames: ['result'] as const,
  registers: [opsRegistry],
});
const cacheCounts = { hit: 0, miss: 0 };
cacheLookups.inc({ result: 'hit' }, 0);
cacheLookups.inc({ result: 'miss' }, 0);

new Gauge({
  name: 'cache_hit_ratio',
  help: 'Result-cache hits over lookups since start (0 before the first lookup).',
  registers: [opsRegistry],
  collect() {
    const total = cacheCounts.hit + cacheCounts.miss;
    this.set(total === 0 ? 0 : cacheCounts.hit / total);
  },
});

/** The cache layer calls this once per lookup. */
export function recordCacheLookup(hit: boolean): void {
  const result = hit ? 'hit' : 'miss';
  cacheCounts[result] += 1;
  cacheLookups.inc({ result });
}

/** Hits over lookups since start (what the `cache_hit_ratio` gauge reports). */
export function cacheHitRatio(): number {
  const total = cacheCounts.hit + cacheCounts.miss;
  return total === 0 ? 0 : cacheCounts.hit / total;
}

const sourceQueryDuration = new Histogram({
  name: 'source_query_duration_seconds',
  help: 'Statements sent to a legacy source: latency by source, kind and outcome (OK or the failure).',
  labelNames: ['source', 'kind', 'outcome'] as const,
  buckets: [...LATENCY_BUCKETS],
  registers: [opsRegistry],
});
const sourceQueryErrors = new Counter({
  name: 'source_query_errors_total',
  help: 'Statements a legacy source did not answer, by source, kind and failure (UNREACHABLE, TIMEOUT, QUERY_FAILED).',
  labelNames: ['source', 'kind', 'failure'] as const,
  registers: [opsRegistry],
});

/** The `SqlSource` observer: one latency sample per statement, and an error count when it failed. */
export function observeSourceQuery(event: SourceQueryEvent): void {
  const { id: source, kind } = event.source;
  sourceQueryDuration.observe({ source, kind, outcome: event.failure ?? 'OK' }, event.seconds);
  if (event.failure) sourceQueryErrors.inc({ source, kind, failure: event.failure });
}

/** The sources observed in this process (held weakly: a closed registry may go), for the kept-answer counter. */
const observed = new Set<WeakRef<SqlSource>>();
const reusedSoFar = new WeakMap<SqlSource, number>();

new Counter({
  name: 'source_answers_reused_total',
  help: 'Statements of a source that keeps answers (answerCacheSeconds: the registry) answered from a kept or shared answer, without reaching the database, by source and kind.',
  labelNames: ['source', 'kind'] as const,
  registers: [opsRegistry],
  collect() {
    for (const ref of observed) {
      const source = ref.deref();
      if (!source) observed.delete(ref);
      if (!source?.answers) continue;
      const hits = source.answers.hits;
      this.inc({ source: source.id, kind: source.config.kind }, hits - (reusedSoFar.get(source) ?? 0));
      reusedSoFar.set(source, hits);
    }
  },
});

/** Attach `observeSourceQuery` to every source (a process serving subgraphs calls it once). */
export function observeSources(sources: Iterable<SqlSource>): void {
  for (const source of sources) {
    source.observer = observeSourceQuery;
    if (source.answers) observed.add(new WeakRef(source));
  }
}

const subgraphRequestDuration = new Histogram({
  name: 'subgraph_request_duration_seconds',
  help: 'HTTP requests a subgraph served, by subgraph and status code.',
  labelNames: ['subgraph', 'status'] as const,
  buckets: [...LATENCY_BUCKETS],
  registers: [opsRegistry],
});

/** One request a subgraph served. */
export function observeSubgraphRequest(subgraph: string, status: number, seconds: number): void {
  subgraphRequestDuration.observe({ subgraph, status: String(status) }, seconds);
}

/** `GET /metrics`: the registry in the Prometheus text format. */
export function metricsHandler(registry: Registry = opsRegistry): RequestHandler {
  return (_req, res, next) => {
    registry.metrics().then((text) => {
      res.setHeader('content-type', registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(text);
    }, next);
  };
}
