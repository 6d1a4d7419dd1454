/**
 * Throughput and latency under concurrent load, with autocannon's programmatic API in a process of
 * its own (load-generator.ts): the generator gets its own event loop, as a client on another
 * process would, and the RSS sampled is the product's alone.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Operation } from './http';
import type { LoadReply, LoadRequest } from './load-generator';
import { liveHeapMb } from './memory';
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
  /** Live JavaScript heap (MB, after a full collection) just before the load and just after it. */
  readonly liveBeforeMb: number;
  readonly liveAfterMb: number;
}

/** Run the generator once and wait for its answer. */
function generate(request: LoadRequest): Promise<LoadReply> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load-generator.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (reply: LoadReply) => {
      answered = true;
      resolve(reply);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`the load generator exited with ${code} before answering`));
    });
    child.send(request);
  });
}

/** POST `op` to `endpoint` with `connections` connections for `seconds` seconds. */
export async function loadTest(
  endpoint: string,
  op: Operation,
  headers: Record<string, string>,
  options: { seconds: number; connections: number; rss: RssSampler },
): Promise<LoadFigures> {
  const liveBeforeMb = liveHeapMb();
  let rssEarlyMb = Number.NaN;
  const early = setTimeout(() => {
    rssEarlyMb = options.rss.sample();
  }, 1_000);
  const reply = await generate({
    url: endpoint,
    headers,
    body: JSON.stringify(op),
    connections: options.connections,
    seconds: options.seconds,
  });
  clearTimeout(early);
  if (!reply.ok) throw new Error(`load generator: ${reply.error}`);
  const rssLateMb = options.rss.sample();
  const { result } = reply;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    rssEarlyMb,
    rssLateMb,
    liveBeforeMb,
    liveAfterMb: liveHeapMb(),
  };
}
