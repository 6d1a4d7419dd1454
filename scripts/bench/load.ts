/** Throughput and latency under concurrent load, with autocannon's programmatic API. */
import autocannon from 'autocannon';
import type { Operation } from './http';
import type { RssSampler } from './memory';

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Connection errors + timeouts + non-2xx answers. */
  readonly errors: number;
  readonly non2xx: number;
  /** RSS (MB) one second into the load and at its end: whether memory holds steady under load. */
  readonly rssEarlyMb: number;
  readonly rssLateMb: number;
}

/** POST `op` to `endpoint` with `connections` connections for `seconds` seconds. */
export async function loadTest(
  endpoint: string,
  op: Operation,
  headers: Record<string, string>,
  options: { seconds: number; connections: number; rss: RssSampler },
): Promise<LoadFigures> {
  let rssEarlyMb = Number.NaN;
  const early = setTimeout(() => {
    rssEarlyMb = options.rss.sample();
  }, 1_000);
  const result = await autocannon({
    url: endpoint,
    method: 'POST',
    headers,
    body: JSON.stringify(op),
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
  });
  clearTimeout(early);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    rssEarlyMb,
    rssLateMb: options.rss.sample(),
  };
}
