/**
 * `npm run bench:profile`: where one request's time goes, on the region `npm run bench` built.
 * Starts the product (fully live, or with the measure store when `BENCH_PROFILE_STORE=1`, filled
 * first), sends each workload once unmeasured and once measured, and prints the request's time,
 * the legacy statements it ran, slowest first (source, milliseconds, the statement's start), and
 * their time summed per system kind. A diagnostic tool: it writes nothing.
 *
 * Environment: as `npm run bench` (BENCH_SCALE), plus BENCH_PROFILE_STORE=1 and BENCH_PROFILE_TOP
 * (statements listed per workload, default 12), BENCH_PROFILE_ONLY (a workload key: t1, t2,
 * dashboard), BENCH_PROFILE_LOAD=1 (result caches on; then the load test of `npm run bench` on
 * the warm dashboard), BENCH_PROFILE_CPU=file.cpuprofile (the product process's CPU profile, for
 * Chrome DevTools: with BENCH_PROFILE_LOAD of the load test alone, else of each measured request
 * and the BENCH_PROFILE_RUNS after it, in file-<workload>.cpuprofile). With the store, its reads are listed too, slowest first;
 * BENCH_PROFILE_DUMP=file.json writes them whole (text and parameters) to file-<workload>.json, to
 * try them on the server by hand (EXPLAIN, settings);
 * BENCH_PROFILE_REPLAY=1 replays them alone afterwards (their time on an idle server), and
 * BENCH_PROFILE_RUNS=n sends each measured request n times and prints every time, and
 * BENCH_PROFILE_TIMELINE=1 prints the measured request's timeline: each subgraph call the gateway
 * made, legacy statement and store read, from its start to its end (ms since the request left).
 * BENCH_PROFILE_HEAP=file.heapprofile samples what each measured request allocates (the objects
 * collected since included: V8's sampling heap profiler), in file-<workload>.heapprofile.
 * BENCH_PROFILE_WARMUP=n sends each workload n times unmeasured first (default 1): the measured
 * request then runs on optimised code, as the benchmark's later runs do.
 */
import 'reflect-metadata';
import { subscribe } from 'node:diagnostics_channel';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { demoSecurityConfig } from '../security/demo';
import { startStack } from './stack';
import { benchConfigFrom } from './bench/config';
import { roomForConnections } from './bench/connections';
import { ensureRegion } from './bench/data';
import { gatewayHeaders, post } from './bench/http';
import { loadTest } from './bench/load';
import { RssSampler } from './bench/memory';
import { benchStore } from './bench/store';
import { volumesOf } from './bench/volumes';
import { dashboard, workloads } from './bench/workloads';

interface Timing {
  readonly sourceId: string;
  readonly kind: string;
  readonly ms: number;
  readonly sql: string;
  /** When it ended (performance.now()). */
  readonly endedAt: number;
  /** A store read's whole text and parameters (to replay it alone). */
  readonly full?: { readonly sql: string; readonly params: readonly unknown[] };
}

/**
 * Each store read again, one after another on a connection of its own: its time on an idle server
 * (what the request's figure adds to it is waiting: the store's pool, the server's cores, the
 * event loop). The text is sent as the store sends it, without the temporary-table setting.
 */
async function replayAlone(url: string, reads: readonly Timing[]): Promise<Timing[]> {
  const connection = await createConnection(url);
  try {
    const out: Timing[] = [];
    for (const t of reads) {
      if (!t.full) continue;
      const started = performance.now();
      await connection.query(t.full.sql, [...t.full.params]);
      out.push({ ...t, ms: performance.now() - started, endedAt: performance.now() });
    }
    return out;
  } finally {
    await connection.end();
  }
}

/** The V8 profiler of this process, started now (node:inspector); `stop` writes the profile. */
async function startCpuProfile(): Promise<{ stop(file: string): Promise<void> }> {
  return startProfiler('Profiler', 'CPU profile');
}

/**
 * The V8 sampling heap profiler of this process, started now: what was allocated where, the
 * objects that died young included (what garbage collection spends its time on).
 */
async function startHeapProfile(): Promise<{ stop(file: string): Promise<void> }> {
  return startProfiler('HeapProfiler', 'heap profile');
}

async function startProfiler(
  domain: 'Profiler' | 'HeapProfiler',
  label: string,
): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) =>
      session.post(method, params, (e, result) => (e ? reject(e) : resolve(result))),
    );
  await post(`${domain}.enable`);
  if (domain === 'Profiler') await post('Profiler.start');
  else
    await post('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  return {
    stop: async (file) => {
      const { profile } = (await post(
        domain === 'Profiler' ? 'Profiler.stop' : 'HeapProfiler.stopSampling',
      )) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.info(`${label}: ${file}`);
    },
  };
}

/**
 * CPU time used so far (ms, user + system): this process (the product: gateway and subgraphs),
 * and MariaDB's server (from /proc, NaN where it cannot be read): on a 2-core machine the two
 * share the cores, so a request's time is at least half their sum.
 */
function cpuNow(): { node: number; main: number; mariadb: number } {
  const usage = process.cpuUsage();
  let mariadb = Number.NaN;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let comm: string;
      try {
        comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      if (comm !== 'mariadbd' && comm !== 'mysqld') continue;
      mariadb = ticksMs(`/proc/${pid}/stat`);
      break;
    }
  } catch {
    // No /proc: MariaDB's share stays unknown.
  }
  let main = Number.NaN;
  try {
    // The main thread (JavaScript); the rest of the process's time is V8's helpers (parallel and
    // concurrent garbage collection, compilation) and libuv's.
    main = ticksMs(`/proc/self/task/${process.pid}/stat`);
  } catch {
    // No /proc.
  }
  return { node: (usage.user + usage.system) / 1000, main, mariadb };
}

/**
 * The garbage collector's pauses of the main thread from now to `stop` (perf_hooks' 'gc' entries):
 * minor (scavenges of the young generation) and major (mark-compact, incremental steps), their
 * milliseconds and numbers.
 */
function gcPauses(): { stop(): { minor: number; minorCount: number; major: number; majorCount: number } } {
  const sum = { minor: 0, minorCount: 0, major: 0, majorCount: 0 };
  const add = (entries: readonly PerformanceEntry[]): void => {
    for (const entry of entries) {
      const { detail } = entry as PerformanceEntry & { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        sum.minor += entry.duration;
        sum.minorCount += 1;
      } else {
        sum.major += entry.duration;
        sum.majorCount += 1;
      }
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => {
      add(observer.takeRecords());
      observer.disconnect();
      return { ...sum };
    },
  };
}

/** User + system time (ms) of a /proc stat file: after the command's closing parenthesis, utime and stime are the 12th and 13th fields. */
function ticksMs(file: string): number {
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** The kernel's clock ticks per second (USER_HZ; 100 on Linux). */
const CLOCK_TICKS = 100;

/** One HTTP call between the product's processes (gateway to subgraph, indicators to an owner). */
interface Call {
  readonly label: string;
  readonly startedAt: number;
  endedAt?: number;
}

/**
 * Records the HTTP calls undici makes while `recording` holds a list (its diagnostics channels):
 * each labelled with the subgraph called (by port) and the operation's name.
 */
function recordCalls(subgraphs: Readonly<Record<string, { readonly port: number }>>): {
  start(): void;
  stop(): Call[];
} {
  const names = new Map(Object.entries(subgraphs).map(([name, s]) => [String(s.port), name]));
  const open = new WeakMap<object, Call>();
  let recording: Call[] | null = null;
  subscribe('undici:request:create', (message) => {
    if (!recording) return;
    const { request } = message as { request: { origin?: unknown; path?: unknown; body?: unknown } };
    const port = /:(\d+)/.exec(String(request.origin ?? ''))?.[1] ?? '';
    const body = typeof request.body === 'string' ? request.body : '';
    const operation = /"operationName":"([^"]*)"/.exec(body)?.[1] ?? String(request.path ?? '');
    const call: Call = {
      label: `${names.get(port) ?? port} ${operation}`.slice(0, 90),
      startedAt: performance.now(),
    };
    open.set(request, call);
    recording.push(call);
  });
  const end = (message: unknown): void => {
    const call = open.get((message as { request: object }).request);
    if (call) call.endedAt = performance.now();
  };
  subscribe('undici:request:trailers', end);
  subscribe('undici:request:error', end);
  return {
    start: () => {
      recording = [];
    },
    stop: () => {
      const out = recording ?? [];
      recording = null;
      return out;
    },
  };
}

/** The measured request's calls, statements and reads, by start (ms since `origin`). */
function printTimeline(origin: number, calls: readonly Call[], timings: readonly Timing[]): void {
  const lines = [
    ...calls.map((c) => ({ start: c.startedAt, end: c.endedAt ?? Number.NaN, text: `call  ${c.label}` })),
    ...timings.map((t) => ({
      start: t.endedAt - t.ms,
      end: t.endedAt,
      text: `${t.kind.padEnd(5)} ${t.sourceId}`,
    })),
  ].sort((a, b) => a.start - b.start);
  console.info('  timeline (ms since the request left):');
  for (const l of lines)
    console.info(
      `    ${(l.start - origin).toFixed(0).padStart(6)} → ${(l.end - origin).toFixed(0).padStart(6)}  ${l.text}`,
    );
}

async function main(): Promise<void> {
  const config = benchConfigFrom(process.env);
  const withStore = process.env.BENCH_PROFILE_STORE === '1';
  const top = Number(process.env.BENCH_PROFILE_TOP ?? 12);
  const only = process.env.BENCH_PROFILE_ONLY;
  const withLoad = process.env.BENCH_PROFILE_LOAD === '1';
  const replay = process.env.BENCH_PROFILE_REPLAY === '1';
  const runs = Math.max(1, Number(process.env.BENCH_PROFILE_RUNS ?? 1));
  const timeline = process.env.BENCH_PROFILE_TIMELINE === '1';
  const warmup = Math.max(1, Number(process.env.BENCH_PROFILE_WARMUP ?? 1));
  const region = await ensureRegion(config, (line) => console.info(`  ${line}`));
  const volumes = await volumesOf(region.sources, region.rows);
  const room = await roomForConnections(region.sources.sources.length);
  const storeConfig = withStore ? await benchStore(config) : null;
  const stack = await startStack({
    sources: region.sources,
    port: 0,
    security: { ...demoSecurityConfig(), rateLimit: { perMinute: 100_000_000, burst: 1_000_000 } },
    cache: withLoad ? { kind: 'lru' } : { kind: 'off' },
    store: storeConfig,
    timeouts: { requestMs: 900_000, subgraphMs: 900_000, measureMs: 900_000 },
    logger: { warn: (): void => undefined, info: (): void => undefined },
    audit: () => undefined,
  });
  try {
    for (const opened of stack.stores) await opened.refresher.idle();
    let recording: Timing[] | null = null;
    for (const source of stack.sources.all()) {
      const previous = source.observer;
      source.observer = (event) => {
        previous?.(event);
        if (recording && event.sql !== undefined)
          recording.push({
            sourceId: event.source.id,
            kind: source.config.kind,
            ms: event.seconds * 1000,
            sql: event.sql.replace(/\s+/g, ' ').slice(0, 110),
            endedAt: performance.now(),
          });
      };
    }
    let storeReads: Timing[] | null = null;
    if (stack.store)
      stack.store.db.onRead = (sql, ms, rows, params) =>
        storeReads?.push({
          sourceId: `store ${params.find((p) => typeof p === 'string' && /^[a-z]/i.test(p)) ?? ''} (${rows} rows)`,
          kind: 'store',
          ms,
          sql: sql.replace(/\s+/g, ' ').slice(0, 110),
          endedAt: performance.now(),
          full: { sql, params },
        });
    const endpoint = `${stack.gateway.url}/graphql`;
    const calls = recordCalls(stack.subgraphs);
    // Without the load test, BENCH_PROFILE_CPU profiles each measured request (file per workload).
    const cpuFile = withLoad ? undefined : process.env.BENCH_PROFILE_CPU;
    const heapFile = process.env.BENCH_PROFILE_HEAP;
    for (const w of workloads(volumes.countyCodes).filter((x) => !only || x.key === only)) {
      for (let i = 0; i < warmup; i++) await post(endpoint, w.op);
      recording = [];
      storeReads = [];
      const storeBefore = stack.store?.db.statements ?? 0;
      const cpu = cpuFile ? await startCpuProfile() : null;
      const heap = heapFile ? await startHeapProfile() : null;
      calls.start();
      const origin = performance.now();
      const answer = await post(endpoint, w.op);
      const called = calls.stop();
      const list: Timing[] = recording;
      const reads: Timing[] = storeReads;
      recording = null;
      storeReads = null;
      // BENCH_PROFILE_RUNS > 1: the same request again (unprofiled, unrecorded), each time printed.
      const times = [answer.ms];
      const cpuBefore = cpuNow();
      const gc = gcPauses();
      for (let i = 1; i < runs; i++) times.push((await post(endpoint, w.op)).ms);
      const paused = gc.stop();
      // The profiles cover the measured request and the runs after it (more samples, warmer code).
      if (cpu && cpuFile) await cpu.stop(cpuFile.replace(/(\.cpuprofile)?$/, `-${w.key}.cpuprofile`));
      if (heap && heapFile) await heap.stop(heapFile.replace(/(\.heapprofile)?$/, `-${w.key}.heapprofile`));
      if (runs > 1) {
        const used = cpuNow();
        const per = (a: number, b: number): string => ((b - a) / (runs - 1)).toFixed(0);
        console.info(
          `${w.key}: ${times.map((t) => t.toFixed(0)).join(', ')} ms; CPU per request (unprofiled ` +
            `runs): product process ${per(cpuBefore.node, used.node)} ms (main thread ` +
            `${per(cpuBefore.main, used.main)} ms), MariaDB ` +
            `${per(cpuBefore.mariadb, used.mariadb)} ms; garbage collection per request: ` +
            `${(paused.minor / (runs - 1)).toFixed(0)} ms in ${(paused.minorCount / (runs - 1)).toFixed(1)} ` +
            `minor, ${(paused.major / (runs - 1)).toFixed(0)} ms in ${(paused.majorCount / (runs - 1)).toFixed(1)} major`,
        );
      }
      const perKind = new Map<string, { n: number; ms: number; max: number }>();
      for (const t of list) {
        const k = perKind.get(t.kind) ?? { n: 0, ms: 0, max: 0 };
        perKind.set(t.kind, { n: k.n + 1, ms: k.ms + t.ms, max: Math.max(k.max, t.ms) });
      }
      console.info(
        `\n${w.label}: ${answer.ms.toFixed(0)} ms, ${list.length} legacy statements, ` +
          `${(stack.store?.db.statements ?? 0) - storeBefore} store statements` +
          (answer.errors.length ? `, errors: ${answer.errors[0]}` : ''),
      );
      for (const [kind, k] of [...perKind].sort((a, b) => b[1].ms - a[1].ms))
        console.info(
          `  ${kind}: ${k.n} statements, ${k.ms.toFixed(0)} ms summed, slowest ${k.max.toFixed(0)} ms`,
        );
      for (const t of [...list].sort((a, b) => b.ms - a.ms).slice(0, top))
        console.info(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.sourceId.padEnd(22)} ${t.sql}`);
      if (timeline) printTimeline(origin, called, [...list, ...reads]);
      if (reads.length > 0) {
        const summed = reads.reduce((n, t) => n + t.ms, 0);
        console.info(`  store reads: ${reads.length}, ${summed.toFixed(0)} ms summed`);
        for (const t of [...reads].sort((a, b) => b.ms - a.ms).slice(0, top))
          console.info(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.sourceId.padEnd(22)} ${t.sql}`);
        const dump = process.env.BENCH_PROFILE_DUMP;
        if (dump) {
          const file = dump.replace(/(\.json)?$/, `-${w.key}.json`);
          writeFileSync(file, JSON.stringify(reads.map((t) => ({ ms: t.ms, ...t.full }))));
          console.info(`  store reads written to ${file}`);
        }
        if (replay && storeConfig) {
          const alone = await replayAlone(storeConfig.url, reads);
          const total = alone.reduce((n, t) => n + t.ms, 0);
          console.info(`  store reads replayed alone, one after another: ${total.toFixed(0)} ms summed`);
          for (const t of [...alone].sort((a, b) => b.ms - a.ms).slice(0, top))
            console.info(`    ${t.ms.toFixed(0).padStart(7)} ms  ${t.sourceId.padEnd(22)} ${t.sql}`);
        }
      }
    }
    if (withLoad) {
      const cpu = process.env.BENCH_PROFILE_CPU ? await startCpuProfile() : null;
      const rss = new RssSampler(100);
      const load = await loadTest(endpoint, dashboard(volumes.countyCodes), gatewayHeaders(), {
        seconds: config.loadSeconds,
        connections: config.loadConnections,
        rss,
      });
      const memory = rss.stop();
      if (cpu && process.env.BENCH_PROFILE_CPU) await cpu.stop(process.env.BENCH_PROFILE_CPU);
      console.info(
        `\nload, warm dashboard: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms, ` +
          `p99 ${load.p99Ms} ms, ${load.errors} errors; RSS ${load.rssEarlyMb.toFixed(0)} → ` +
          `${load.rssLateMb.toFixed(0)} MB (peak ${memory.peakMb.toFixed(0)} MB); live heap ` +
          `${load.liveBeforeMb.toFixed(0)} → ${load.liveAfterMb.toFixed(0)} MB`,
      );
    }
  } finally {
    await stack.close();
    await room.restore();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
